"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CredentialCache", {
    enumerable: true,
    get: function() {
        return CredentialCache;
    }
});
const _common = require("@nestjs/common");
const _changeawarecache = require("../database/change-aware-cache");
const _credentialsrepository = require("./credentials.repository");
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
let CredentialCache = class CredentialCache extends (0, _changeawarecache.ConfiguredCache)('credentials', _credentialsrepository.CREDENTIAL_TABLES) {
};
CredentialCache = _ts_decorate([
    (0, _common.Injectable)()
], CredentialCache);

//# sourceMappingURL=credential-cache.js.map
