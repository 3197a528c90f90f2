"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MetricsModule", {
    enumerable: true,
    get: function() {
        return MetricsModule;
    }
});
const _common = require("@nestjs/common");
const _httpmetricsmiddleware = require("./http-metrics.middleware");
const _metrics = require("./metrics");
const _metricscontroller = require("./metrics.controller");
const _scrapetimegauges = require("./scrape-time-gauges");
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
let MetricsModule = class MetricsModule {
    configure(consumer) {
        consumer.apply(_httpmetricsmiddleware.HttpMetricsMiddleware).forRoutes({
            path: '{/*splat}',
            method: _common.RequestMethod.ALL
        });
    }
};
MetricsModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({
        controllers: [
            _metricscontroller.MetricsController
        ],
        providers: [
            _metrics.Metrics,
            _scrapetimegauges.ScrapeTimeGauges
        ],
        exports: [
            _metrics.Metrics
        ]
    })
], MetricsModule);

//# sourceMappingURL=metrics.module.js.map
