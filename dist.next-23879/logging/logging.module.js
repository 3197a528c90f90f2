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
    get LoggingModule () {
        return LoggingModule;
    },
    get PINO_LOGGER () {
        return PINO_LOGGER;
    }
});
const _common = require("@nestjs/common");
const _logger = require("./logger");
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
const PINO_LOGGER = Symbol('PINO_LOGGER');
let LoggingModule = class LoggingModule {
    static forRoot(config) {
        return {
            module: LoggingModule,
            providers: [
                {
                    provide: PINO_LOGGER,
                    useFactory: ()=>(0, _logger.createLogger)(config)
                },
                {
                    provide: _logger.NestPinoLogger,
                    useFactory: (logger)=>new _logger.NestPinoLogger(logger),
                    inject: [
                        PINO_LOGGER
                    ]
                }
            ],
            exports: [
                PINO_LOGGER,
                _logger.NestPinoLogger
            ]
        };
    }
};
LoggingModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({})
], LoggingModule);

//# sourceMappingURL=logging.module.js.map
