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
    get CHANGES_CHANNEL () {
        return CHANGES_CHANNEL;
    },
    get DatabaseChanges () {
        return DatabaseChanges;
    },
    get tablesReadBy () {
        return tablesReadBy;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _configmodule = require("../config/config.module");
const _prismaservice = require("./prisma.service");
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
const CHANGES_CHANNEL = 'camlinks_changes';
const RETRY_MS = 1000;
let DatabaseChanges = class DatabaseChanges {
    db;
    config;
    logger = new _common.Logger(DatabaseChanges.name);
    subscribers = [];
    /** Tells this instance's heartbeats from those of the other instances on the channel. */ instance = (0, _nodecrypto.randomUUID)();
    unlisten;
    connecting = false;
    retry;
    heartbeat;
    /**
   * When the newest heartbeat of this instance that came back was sent (or when listening
   * started), ms since the epoch: every change committed before then has been heard.
   */ provenAt = Date.now();
    losses = 0;
    stopped = false;
    /** Seconds between a change's commit and its arrival here, for the last change seen. */ lastLagSeconds = 0;
    constructor(db, config){
        this.db = db;
        this.config = config;
    }
    subscribe(subscriber) {
        this.subscribers.push(subscriber);
        subscriber.onListening(this.unlisten !== undefined);
    }
    async onModuleInit() {
        await this.listen();
        if (this.db.notify) {
            this.heartbeat = setInterval(()=>this.beat(), this.config.changes.heartbeatMs);
            this.heartbeat.unref();
        }
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        clearTimeout(this.retry);
        clearInterval(this.heartbeat);
        this.setListening(false);
        await this.unlisten?.().catch(()=>undefined);
    }
    state() {
        return {
            listening: this.unlisten !== undefined,
            heartbeatAgeSeconds: this.db.notify ? (Date.now() - this.provenAt) / 1000 : null,
            losses: this.losses
        };
    }
    /**
   * Whether the caches may answer at `now`: the newest heartbeat heard back was sent less than
   * CHANGES_HEARTBEAT_TIMEOUT_MS ago, so a change committed elsewhere is missed for at most that
   * long, even by a silently dead listener (the embedded database has no heartbeat to miss).
   */ proven(now) {
        return !this.db.notify || now - this.provenAt < this.config.changes.heartbeatTimeoutMs;
    }
    /** What the subscribed caches hold together (bytes estimated), for metrics and the benchmark. */ cacheUsage() {
        const total = {
            entries: 0,
            bytes: 0
        };
        for (const usage of this.subscribers.map((subscriber)=>subscriber.usage?.())){
            total.entries += usage?.entries ?? 0;
            total.bytes += usage?.bytes ?? 0;
        }
        return total;
    }
    /**
   * A change this instance has just committed: its own caches forget now, so the caller's
   * next request already sees it (other instances hear of it through NOTIFY).
   */ changedHere() {
        this.changed(undefined);
    }
    /** A change of `table` (undefined: of any table) reaches the subscribers that read it. */ changed(table) {
        for (const subscriber of this.subscribers)if (table === undefined || subscriber.tables.includes(table)) subscriber.onChange(table);
    }
    async listen() {
        if (this.connecting || this.stopped) return;
        this.connecting = true;
        try {
            this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload)=>this.onNotification(payload), (error)=>this.onLost(error));
            this.provenAt = Date.now();
            this.setListening(true);
        } catch (error) {
            this.onLost(error);
        } finally{
            this.connecting = false;
        }
    }
    onNotification(payload) {
        const message = parseNotification(payload);
        // Heartbeats change nothing; another instance's prove nothing about this connection.
        if (message.heartbeat !== undefined) {
            if (message.heartbeat === this.instance && typeof message.sent === 'number') this.provenAt = Math.max(this.provenAt, message.sent);
            return;
        }
        this.changed(typeof message.table === 'string' ? message.table : undefined);
        const at = Number(message.at);
        if (Number.isFinite(at)) this.lastLagSeconds = Math.max(0, Date.now() / 1000 - at);
    }
    /**
   * Every heartbeat interval: give up on a listener whose heartbeat is overdue, else send the
   * next one. Decided in setImmediate, after pending I/O: when the event loop was blocked, the
   * heartbeat may be waiting in the socket, and must not be taken for lost.
   */ beat() {
        setImmediate(()=>{
            if (!this.unlisten || this.stopped) return;
            const now = Date.now();
            if (this.proven(now)) {
                const heartbeat = JSON.stringify({
                    heartbeat: this.instance,
                    sent: now
                });
                this.db.notify(CHANGES_CHANNEL, heartbeat).catch(()=>undefined); // a failed send is an overdue heartbeat
                return;
            }
            const silentMs = now - this.provenAt;
            this.logger.warn(`No heartbeat from the database change listener for ${silentMs} ms; caches are off until it is reconnected`);
            const stale = this.unlisten;
            this.stopListening();
            void stale().catch(()=>undefined);
            void this.listen();
        });
    }
    onLost(error) {
        if (this.unlisten) this.stopListening();
        if (this.stopped) return;
        this.logger.warn(`Not receiving database changes (${error.message}); caches are off until reconnected`);
        clearTimeout(this.retry);
        this.retry = setTimeout(()=>void this.listen(), RETRY_MS);
        this.retry.unref();
    }
    stopListening() {
        this.unlisten = undefined;
        this.losses++;
        this.setListening(false);
    }
    setListening(listening) {
        for (const subscriber of this.subscribers)subscriber.onListening(listening);
    }
};
DatabaseChanges = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], DatabaseChanges);
/** The triggers' `{table, at}` or a heartbeat; anything unreadable still counts as a change of every table. */ function parseNotification(payload) {
    try {
        return JSON.parse(payload) ?? {};
    } catch  {
        return {};
    }
}
function tablesReadBy(sql) {
    return [
        ...new Set([
            ...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/gi)
        ].map((match)=>match[1].toLowerCase()))
    ];
}

//# sourceMappingURL=database-changes.js.map
