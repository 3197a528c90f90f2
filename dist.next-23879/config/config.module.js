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
    get APP_CONFIG () {
        return APP_CONFIG;
    },
    get ConfigModule () {
        return ConfigModule;
    },
    get Shutdown () {
        return Shutdown;
    }
});
const _common = require("@nestjs/common");
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
const APP_CONFIG = Symbol('APP_CONFIG');
let Shutdown = class Shutdown {
    timeoutMs;
    startedAt;
    constructor(timeoutMs){
        this.timeoutMs = timeoutMs;
    }
    begin() {
        this.startedAt ??= Date.now();
    }
    get stopping() {
        return this.startedAt !== undefined;
    }
    /** Milliseconds left until SHUTDOWN_TIMEOUT_MS after the stop began (begins it if nothing did). */ remainingMs() {
        this.begin();
        return Math.max(0, this.startedAt + this.timeoutMs - Date.now());
    }
};
let ConfigModule = class ConfigModule {
    static forRoot(config) {
        return {
            module: ConfigModule,
            providers: [
                {
                    provide: APP_CONFIG,
                    useValue: config
                },
                {
                    provide: Shutdown,
                    useValue: new Shutdown(config.http.shutdownTimeoutMs)
                }
            ],
            exports: [
                APP_CONFIG,
                Shutdown
            ]
        };
    }
};
ConfigModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({})
], ConfigModule);

//# sourceMappingURL=config.module.js.map
