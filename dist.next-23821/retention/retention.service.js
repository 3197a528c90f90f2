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
    get PURGE_BATCH_SIZE () {
        return PURGE_BATCH_SIZE;
    },
    get RetentionService () {
        return RetentionService;
    }
});
const _common = require("@nestjs/common");
const _schedule = require("@nestjs/schedule");
const _promises = require("node:timers/promises");
const _auditeventsrepository = require("../audit/audit-events.repository");
const _configmodule = require("../config/config.module");
const _issuedlinksrepository = require("../links/issued-links.repository");
const _hourlystatsrepository = require("../stats/hourly-stats.repository");
const _timestamps = require("../common/timestamps");
const _hourlystats = require("../stats/hourly-stats");
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
const PURGE_BATCH_SIZE = 5000;
/** Between batches, so that purging never crowds out requests for the database. */ const PAUSE_MS = 50;
/** The console's overview shows OVERVIEW_DAYS of hourly counters; older ones serve nothing. */ const HOURLY_STATS_DAYS = _hourlystats.OVERVIEW_DAYS + 1;
let RetentionService = class RetentionService {
    links;
    auditEvents;
    hourlyStats;
    config;
    logger = new _common.Logger(RetentionService.name);
    running = false;
    constructor(links, auditEvents, hourlyStats, config){
        this.links = links;
        this.auditEvents = auditEvents;
        this.hourlyStats = hourlyStats;
        this.config = config;
    }
    async purgeOnSchedule() {
        if (this.running) return;
        this.running = true;
        try {
            const purged = await this.purge(new Date());
            if (purged.links || purged.auditEvents) this.logger.log(`Purged ${purged.links} expired links and ${purged.auditEvents} audit events`);
        } catch (error) {
            this.logger.warn(`Retention purge failed, will retry next hour: ${error.message}`);
        } finally{
            this.running = false;
        }
    }
    async purge(now, batchSize = PURGE_BATCH_SIZE) {
        const { linkDays, auditDays } = this.config.retention;
        const cutoff = (days)=>new Date(now.getTime() - days * _timestamps.DAY_MS);
        return {
            links: linkDays ? await inBatches((size)=>this.links.purgeExpiredBefore(cutoff(linkDays), size), batchSize) : 0,
            auditEvents: auditDays ? await inBatches((size)=>this.auditEvents.purgeOlderThan(cutoff(auditDays), size), batchSize) : 0,
            hourlyStats: await this.hourlyStats.purgeBefore(cutoff(HOURLY_STATS_DAYS))
        };
    }
};
_ts_decorate([
    (0, _schedule.Cron)(_schedule.CronExpression.EVERY_HOUR, {
        name: 'retention'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], RetentionService.prototype, "purgeOnSchedule", null);
RetentionService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository,
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository,
        typeof _hourlystatsrepository.HourlyStatsRepository === "undefined" ? Object : _hourlystatsrepository.HourlyStatsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], RetentionService);
async function inBatches(purgeBatch, size) {
    let total = 0;
    for(;;){
        const deleted = await purgeBatch(size);
        total += deleted;
        if (deleted < size) return total;
        await (0, _promises.setTimeout)(PAUSE_MS);
    }
}

//# sourceMappingURL=retention.service.js.map
