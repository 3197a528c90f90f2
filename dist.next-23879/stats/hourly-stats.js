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
    get HourlyStats () {
        return HourlyStats;
    },
    get OVERVIEW_DAYS () {
        return OVERVIEW_DAYS;
    },
    get hourOf () {
        return hourOf;
    }
});
const _common = require("@nestjs/common");
const _periodicflush = require("../common/periodic-flush");
const _configmodule = require("../config/config.module");
const _hourlystatsrepository = require("./hourly-stats.repository");
const _timestamps = require("../common/timestamps");
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
const OVERVIEW_DAYS = 30;
function hourOf(at) {
    return new Date(Math.floor(at.getTime() / _timestamps.HOUR_MS) * _timestamps.HOUR_MS);
}
let HourlyStats = class HourlyStats extends _periodicflush.PeriodicFlush {
    repository;
    pending = new Map();
    constructor(repository, config, shutdown){
        super({
            name: 'hourly-stats',
            intervalMs: config.verification.usageFlushMs,
            config,
            shutdown
        }), this.repository = repository;
    }
    count(metric, by, at) {
        const hour = hourOf(at);
        const key = `${hour.getTime()}|${metric}`;
        const pending = this.pending.get(key);
        if (pending) pending.count += by;
        else this.pending.set(key, {
            hour,
            metric,
            count: by
        });
    }
    linksIssued(count, at) {
        this.count('issued', count, at);
    }
    /** `allowed`, or `refused:<reason>`. */ decision(refusedBecause, at) {
        this.count(refusedBecause === null ? 'allowed' : `refused:${refusedBecause}`, 1, at);
    }
    take() {
        const batch = [
            ...this.pending.values()
        ];
        this.pending = new Map();
        return batch.sort((a, b)=>a.hour.getTime() - b.hour.getTime() || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
    }
    putBack(batch) {
        for (const failed of batch)this.count(failed.metric, failed.count, failed.hour);
    }
    write(batch, id) {
        return this.repository.add(batch, id);
    }
};
HourlyStats = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _hourlystatsrepository.HourlyStatsRepository === "undefined" ? Object : _hourlystatsrepository.HourlyStatsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof _configmodule.Shutdown === "undefined" ? Object : _configmodule.Shutdown
    ])
], HourlyStats);

//# sourceMappingURL=hourly-stats.js.map
