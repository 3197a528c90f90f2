"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get CACHE_SHARES () {
        return CACHE_SHARES;
    },
    get ChangeAwareCache () {
        return ChangeAwareCache;
    },
    get ConfiguredCache () {
        return ConfiguredCache;
    }
});
const _common = require("@nestjs/common");
const _lrucache = require("lru-cache");
const _configmodule = require("../config/config.module");
const _databasechanges = require("./database-changes");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const CACHE_SHARES = {
    linkStates: 0.5,
    cameras: 0.25,
    grants: 0.1,
    credentials: 0.1,
    mediaServersBySecret: 0.05
};
/** The bytes `cache` may hold, by its share of CACHE_MAX_MB. */ function cacheBytes(config, cache) {
    return Math.floor(config.cache.maxMb * 2 ** 20 * CACHE_SHARES[cache]);
}
/**
 * What an entry costs in the V8 heap, estimated from its JSON text: a Map slot, the entry object
 * and its key (two bytes per character), plus objects and strings at about twice their JSON
 * length (measured: bench/cache-memory.js).
 */ function estimatedBytes(key, value) {
    return 120 + 2 * key.length + (value === null ? 0 : 2 * (JSON.stringify(value)?.length ?? 8));
}
let ChangeAwareCache = class ChangeAwareCache {
    options;
    changes;
    tables;
    entries;
    enabled = false;
    /**
   * Bumped by every clear. An answer read from the database before a change was announced must
   * not be cached after it: `through` and `throughMany` note the generation before their query.
   */ generation = 0;
    constructor(options, changes, tables){
        this.options = options;
        this.changes = changes;
        this.tables = tables;
        this.entries = new _lrucache.LRUCache({
            maxSize: options.maxBytes,
            sizeCalculation: (entry, key)=>estimatedBytes(key, entry.value)
        });
        changes.subscribe(this);
    }
    /** undefined: not cached (or not answerable: changes not proven heard lately); null: cached as not found. */ get(key, now) {
        if (!this.changes.proven(now)) return undefined;
        const entry = this.entries.get(key);
        if (!entry) return undefined;
        if (now < entry.staleAt) return entry.value;
        this.entries.delete(key);
        return undefined;
    }
    set(key, value, now, seenGeneration) {
        if (!this.enabled || seenGeneration !== this.generation) return;
        this.entries.set(key, {
            value,
            staleAt: now + (value === null ? this.options.missingMs : this.options.foundMs)
        });
    }
    /** The cached answer, or `load`'s, remembered when that is safe. */ async through(key, load) {
        const cached = this.get(key, Date.now());
        if (cached !== undefined) return cached;
        const generation = this.generation;
        const value = await load();
        this.set(key, value, Date.now(), generation);
        return value;
    }
    /**
   * Values by id for many ids: from the cache where it has them, and from one `loadMissing` of
   * the rest (each remembered, found or not, when that is safe, as in `through`).
   */ async throughMany(ids, keyOf, loadMissing, idOf) {
        const found = new Map();
        const missing = [];
        const at = Date.now();
        for (const id of ids){
            const value = this.get(keyOf(id), at);
            if (value === undefined) missing.push(id);
            else found.set(id, value);
        }
        if (!missing.length) return found;
        const generation = this.generation;
        const loaded = new Map((await loadMissing(missing)).map((value)=>[
                idOf(value),
                value
            ]));
        const loadedAt = Date.now();
        for (const id of missing){
            const value = loaded.get(id) ?? null;
            this.set(keyOf(id), value, loadedAt, generation);
            found.set(id, value);
        }
        return found;
    }
    /** Entries held and their estimated bytes, for metrics and the benchmark. */ usage() {
        return {
            entries: this.entries.size,
            bytes: this.entries.calculatedSize
        };
    }
    onChange() {
        this.generation++;
        this.entries.clear();
    }
    onListening(listening) {
        this.enabled = listening;
        this.onChange();
    }
};
function ConfiguredCache(share, tables) {
    let Configured = class Configured extends ChangeAwareCache {
        constructor(changes, config){
            super({
                foundMs: 60_000,
                missingMs: 10_000,
                maxBytes: cacheBytes(config, share)
            }, changes, tables);
        }
    };
    Configured = _ts_decorate([
        (0, _common.Injectable)(),
        _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
        _ts_metadata("design:type", Function),
        _ts_metadata("design:paramtypes", [
            typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges,
            typeof AppConfig === "undefined" ? Object : AppConfig
        ])
    ], Configured);
    return Configured;
}

//# sourceMappingURL=change-aware-cache.js.map
