"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ControlApiGate", {
    enumerable: true,
    get: function() {
        return ControlApiGate;
    }
});
const _nodecrypto = require("node:crypto");
const _common = require("@nestjs/common");
const _tokens = require("../auth/tokens");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let ControlApiGate = class ControlApiGate {
    repository;
    constructor(repository){
        this.repository = repository;
    }
    async allows(secret, user, password) {
        if (!secret || !password) return false;
        const expected = await this.repository.findControlApiCredentials((0, _tokens.hashToken)(secret));
        if (!expected?.password) return false;
        // Both compared, in constant time, whichever differs.
        const userMatches = same(user ?? '', expected.username ?? '');
        return same(password, expected.password) && userMatches;
    }
};
ControlApiGate = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _verificationrepository.VerificationRepository === "undefined" ? Object : _verificationrepository.VerificationRepository
    ])
], ControlApiGate);
function same(given, expected) {
    const digest = (text)=>(0, _nodecrypto.createHash)('sha256').update(text).digest();
    return (0, _nodecrypto.timingSafeEqual)(digest(given), digest(expected));
}

//# sourceMappingURL=control-api-gate.js.map
