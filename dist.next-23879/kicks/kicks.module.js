"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "KicksModule", {
    enumerable: true,
    get: function() {
        return KicksModule;
    }
});
const _common = require("@nestjs/common");
const _sessionsmodule = require("../sessions/sessions.module");
const _verificationmodule = require("../verification/verification.module");
const _sessionkicker = require("./session-kicker");
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
let KicksModule = class KicksModule {
};
KicksModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _sessionsmodule.SessionsModule,
            _verificationmodule.VerificationModule
        ],
        providers: [
            _sessionkicker.SessionKicker
        ],
        exports: [
            _sessionkicker.SessionKicker
        ]
    })
], KicksModule);

//# sourceMappingURL=kicks.module.js.map
