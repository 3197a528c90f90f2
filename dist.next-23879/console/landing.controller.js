"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LandingController", {
    enumerable: true,
    get: function() {
        return LandingController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _nodepath = require("node:path");
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
/** The README beside package.json, in a checkout and in the image alike. */ const README = (0, _nodepath.join)(__dirname, '..', '..', 'README.md');
let LandingController = class LandingController {
    config;
    constructor(config){
        this.config = config;
    }
    root() {}
    welcome() {
        return {
            swagger: this.config.swaggerEnabled
        };
    }
    readme(response) {
        response.type('text/plain; charset=utf-8').sendFile(README);
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _common.Redirect)('/welcome', 302),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], LandingController.prototype, "root", null);
_ts_decorate([
    (0, _common.Get)('welcome'),
    (0, _common.Render)('welcome'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Object)
], LandingController.prototype, "welcome", null);
_ts_decorate([
    (0, _common.Get)('readme'),
    _ts_param(0, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", void 0)
], LandingController.prototype, "readme", null);
LandingController = _ts_decorate([
    (0, _swagger.ApiExcludeController)(),
    (0, _common.Controller)(),
    _ts_param(0, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], LandingController);

//# sourceMappingURL=landing.controller.js.map
