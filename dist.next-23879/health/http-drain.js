"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HttpDrain", {
    enumerable: true,
    get: function() {
        return HttpDrain;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _configmodule = require("../config/config.module");
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
const IDLE_CHECK_MS = 50;
let HttpDrain = class HttpDrain {
    adapterHost;
    shutdown;
    config;
    logger = new _common.Logger(HttpDrain.name);
    constructor(adapterHost, shutdown, config){
        this.adapterHost = adapterHost;
        this.shutdown = shutdown;
        this.config = config;
    }
    async onModuleDestroy() {
        this.shutdown.begin();
        const server = this.adapterHost.httpAdapter?.getHttpServer();
        if (!server?.listening) return;
        const closeAfterAnswer = (_request, response)=>response.setHeader('Connection', 'close');
        server.prependListener('request', closeAfterAnswer);
        await new Promise((resolve)=>setTimeout(resolve, this.config.http.shutdownDrainMs));
        const closed = new Promise((resolve)=>server.close(resolve));
        // A keep-alive connection turns idle when its last response is sent, and would then hold
        // the close up until it times out (5 s): close idle ones as they appear.
        const idle = setInterval(()=>server.closeIdleConnections(), IDLE_CHECK_MS);
        const deadline = setTimeout(()=>{
            this.logger.warn(`Requests still in flight after ${this.config.http.shutdownTimeoutMs} ms: closing their connections`);
            server.closeAllConnections();
        }, this.shutdown.remainingMs());
        await closed;
        clearInterval(idle);
        clearTimeout(deadline);
        server.removeListener('request', closeAfterAnswer);
    }
};
HttpDrain = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _core.HttpAdapterHost === "undefined" ? Object : _core.HttpAdapterHost,
        typeof _configmodule.Shutdown === "undefined" ? Object : _configmodule.Shutdown,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], HttpDrain);

//# sourceMappingURL=http-drain.js.map
