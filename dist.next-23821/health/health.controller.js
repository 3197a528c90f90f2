"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HealthController", {
    enumerable: true,
    get: function() {
        return HealthController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _terminus = require("@nestjs/terminus");
const _configmodule = require("../config/config.module");
const _databasechanges = require("../database/database-changes");
const _prismaservice = require("../database/prisma.service");
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
let HealthController = class HealthController {
    health;
    database;
    prisma;
    indicators;
    changes;
    shutdown;
    constructor(health, database, prisma, indicators, changes, shutdown){
        this.health = health;
        this.database = database;
        this.prisma = prisma;
        this.indicators = indicators;
        this.changes = changes;
        this.shutdown = shutdown;
    }
    live() {
        return this.health.check([]);
    }
    ready() {
        if (this.shutdown.stopping) return this.health.check([
            ()=>this.indicators.check('instance').down({
                    state: 'stopping'
                })
        ]);
        return this.health.check([
            ()=>this.database.pingCheck('database', this.prisma, {
                    timeout: 1500
                }),
            ()=>this.migrations(),
            ()=>this.changeListener()
        ]);
    }
    /** A database migrated by a newer camlinks, or missing a table (or the migrations table), fails the code: out of the load balancer. */ async migrations() {
        const indicator = this.indicators.check('migrations');
        // An unreachable database is the ping check's to report; its error (addresses) is not for this public answer.
        const problem = await this.prisma.migrationProblem().catch(()=>'the database did not answer');
        return problem ? indicator.down({
            problem
        }) : indicator.up();
    }
    changeListener() {
        const { listening, heartbeatAgeSeconds } = this.changes.state();
        const indicator = this.indicators.check('changes');
        const details = {
            listener: heartbeatAgeSeconds === null ? 'in-process' : listening ? 'listening' : 'lost',
            caches: listening ? 'on' : 'off',
            ...heartbeatAgeSeconds !== null && {
                last_heartbeat_seconds_ago: Math.round(heartbeatAgeSeconds * 10) / 10
            }
        };
        return listening ? indicator.up(details) : indicator.degraded(details);
    }
};
_ts_decorate([
    (0, _common.Get)('live'),
    (0, _swagger.ApiOperation)({
        summary: 'Liveness: the process answers',
        description: 'For a liveness probe: touches no dependency, so it fails only when the process is stuck.'
    }),
    (0, _terminus.HealthCheck)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], HealthController.prototype, "live", null);
_ts_decorate([
    (0, _common.Get)('ready'),
    (0, _swagger.ApiOperation)({
        summary: 'Readiness: the database answers',
        description: 'For a readiness probe or a load balancer: 503 with the failing check while the database cannot be reached within 1.5 s, while its migrations are not exactly those of this camlinks or a table they created is gone (`details.migrations.problem` says which), and from the moment the instance is told to stop (`details.instance.state`: `stopping`; it still answers requests for SHUTDOWN_DRAIN_MS). `details.changes` says whether database changes are heard (a lost listener is reported, not failed: caches are off meanwhile).'
    }),
    (0, _terminus.HealthCheck)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], HealthController.prototype, "ready", null);
HealthController = _ts_decorate([
    (0, _swagger.ApiTags)('operations'),
    (0, _common.Controller)('health'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _terminus.HealthCheckService === "undefined" ? Object : _terminus.HealthCheckService,
        typeof _terminus.PrismaHealthIndicator === "undefined" ? Object : _terminus.PrismaHealthIndicator,
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof _terminus.HealthIndicatorService === "undefined" ? Object : _terminus.HealthIndicatorService,
        typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges,
        typeof _configmodule.Shutdown === "undefined" ? Object : _configmodule.Shutdown
    ])
], HealthController);

//# sourceMappingURL=health.controller.js.map
