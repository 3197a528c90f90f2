"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ScrapeTimeGauges", {
    enumerable: true,
    get: function() {
        return ScrapeTimeGauges;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../database/prisma.service");
const _databasechanges = require("../database/database-changes");
const _metrics = require("./metrics");
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
let ScrapeTimeGauges = class ScrapeTimeGauges {
    metrics;
    database;
    changes;
    constructor(metrics, database, changes){
        this.metrics = metrics;
        this.database = database;
        this.changes = changes;
    }
    onModuleInit() {
        const pool = this.database.poolState?.bind(this.database);
        if (pool) {
            this.metrics.gaugeAtScrape('camlinks_db_pool_connections', 'Connections the PostgreSQL pool holds open, busy or idle.', ()=>pool().total);
            this.metrics.gaugeAtScrape('camlinks_db_pool_idle_connections', 'Pool connections open and idle.', ()=>pool().idle);
            this.metrics.gaugeAtScrape('camlinks_db_pool_waiting_requests', 'Queries waiting for a pool connection: above 0 for long, the pool is too small.', ()=>pool().waiting);
        }
        this.metrics.gaugeAtScrape('camlinks_revocation_propagation_lag_seconds', 'For the last change seen (revocation, token, grant, camera): seconds from its commit to its arrival here, when cached verification decisions are dropped.', ()=>this.changes.lastLagSeconds);
        this.metrics.gaugeAtScrape('camlinks_cache_entries', 'Entries held by the in-process caches (link states, cameras, grants, credentials, media-server secrets).', ()=>this.changes.cacheUsage().entries);
        this.metrics.gaugeAtScrape('camlinks_cache_estimated_bytes', 'What those entries take, as estimated for the CACHE_MAX_MB bound.', ()=>this.changes.cacheUsage().bytes);
        this.metrics.gaugeAtScrape('camlinks_change_listener_up', '1 while this instance hears change notifications (its caches are on), 0 while not (caches off: every verification asks the database).', ()=>this.changes.state().listening ? 1 : 0);
        this.metrics.counterAtScrape('camlinks_change_listener_losses_total', 'Times this instance stopped hearing change notifications: its listener connection was lost, or its heartbeat did not come back in time.', ()=>this.changes.state().losses);
        if (this.changes.state().heartbeatAgeSeconds !== null) {
            this.metrics.gaugeAtScrape('camlinks_change_heartbeat_age_seconds', 'Seconds since the newest heartbeat of its own that this instance heard on the change channel was sent (PostgreSQL only); beyond CHANGES_HEARTBEAT_TIMEOUT_MS the caches stop answering and the listener is replaced.', ()=>this.changes.state().heartbeatAgeSeconds ?? 0);
        }
    }
};
ScrapeTimeGauges = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase,
        typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges
    ])
], ScrapeTimeGauges);

//# sourceMappingURL=scrape-time-gauges.js.map
