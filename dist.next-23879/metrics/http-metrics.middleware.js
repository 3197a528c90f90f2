"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HttpMetricsMiddleware", {
    enumerable: true,
    get: function() {
        return HttpMetricsMiddleware;
    }
});
const _common = require("@nestjs/common");
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
/** Requests no route matched (404s, bodies refused before routing) share one label value. */ const UNMATCHED = 'unmatched';
let HttpMetricsMiddleware = class HttpMetricsMiddleware {
    metrics;
    constructor(metrics){
        this.metrics = metrics;
    }
    use(req, res, next) {
        const started = performance.now();
        res.once('finish', ()=>{
            const route = req.route?.path ?? UNMATCHED;
            this.metrics.requestFinished(route, req.method, res.statusCode, (performance.now() - started) / 1000);
        });
        next();
    }
};
HttpMetricsMiddleware = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], HttpMetricsMiddleware);

//# sourceMappingURL=http-metrics.middleware.js.map
