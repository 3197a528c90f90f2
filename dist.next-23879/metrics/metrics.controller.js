"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MetricsController", {
    enumerable: true,
    get: function() {
        return MetricsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _promclient = require("prom-client");
const _metrics = require("./metrics");
const _metricsauthguard = require("./metrics-auth.guard");
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
let MetricsController = class MetricsController {
    metrics;
    constructor(metrics){
        this.metrics = metrics;
    }
    scrape() {
        return this.metrics.registry.metrics();
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _common.UseGuards)(_metricsauthguard.MetricsAuthGuard),
    (0, _swagger.ApiSecurity)({}),
    (0, _swagger.ApiSecurity)('metrics'),
    (0, _common.Header)('Content-Type', _promclient.Registry.PROMETHEUS_CONTENT_TYPE),
    (0, _common.Header)('Cache-Control', 'no-store'),
    (0, _swagger.ApiOperation)({
        summary: 'Metrics in the Prometheus text format',
        description: 'For Prometheus to scrape; keep it off the public side of the load balancer. With METRICS_TOKEN set, only with `Authorization: Bearer <METRICS_TOKEN>`.'
    }),
    (0, _swagger.ApiProduces)(_promclient.Registry.PROMETHEUS_CONTENT_TYPE),
    (0, _swagger.ApiOkResponse)({
        schema: {
            type: 'string'
        },
        description: 'Counters, histograms and gauges; see docs/PRODUCTION.md.'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], MetricsController.prototype, "scrape", null);
MetricsController = _ts_decorate([
    (0, _swagger.ApiTags)('operations'),
    (0, _common.Controller)('metrics'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], MetricsController);

//# sourceMappingURL=metrics.controller.js.map
