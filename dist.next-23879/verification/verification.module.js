"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "VerificationModule", {
    enumerable: true,
    get: function() {
        return VerificationModule;
    }
});
const _common = require("@nestjs/common");
const _sessionsmodule = require("../sessions/sessions.module");
const _controlapigate = require("./control-api-gate");
const _linkstatecache = require("./link-state-cache");
const _linkverifier = require("./link-verifier");
const _mediaauthcontroller = require("./media-auth.controller");
const _usagerecorder = require("./usage-recorder");
const _verificationrepository = require("./verification.repository");
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
let VerificationModule = class VerificationModule {
};
VerificationModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _sessionsmodule.SessionsModule
        ],
        controllers: [
            _mediaauthcontroller.MediaAuthController
        ],
        providers: [
            _linkstatecache.LinkStateCache,
            _linkstatecache.MediaServerBySecretCache,
            _linkverifier.LinkVerifier,
            _usagerecorder.UsageRecorder,
            _verificationrepository.VerificationRepository,
            _controlapigate.ControlApiGate
        ],
        exports: [
            _usagerecorder.UsageRecorder,
            _verificationrepository.VerificationRepository
        ]
    })
], VerificationModule);

//# sourceMappingURL=verification.module.js.map
