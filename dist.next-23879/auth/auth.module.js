"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuthModule", {
    enumerable: true,
    get: function() {
        return AuthModule;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _adminauthguard = require("./admin-auth.guard");
const _admintoken = require("./admin-token");
const _credentialcache = require("./credential-cache");
const _credentialsrepository = require("./credentials.repository");
const _integrationauthguard = require("./integration-auth.guard");
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
let AuthModule = class AuthModule {
};
AuthModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({
        providers: [
            _credentialsrepository.CredentialsRepository,
            _credentialcache.CredentialCache,
            _integrationauthguard.IntegrationAuthGuard,
            _adminauthguard.AdminAuthGuard,
            {
                provide: _adminauthguard.ADMIN_TOKEN,
                inject: [
                    _configmodule.APP_CONFIG
                ],
                // Where the token is (never the token itself) is in the start-up banner (main.ts).
                useFactory: (config)=>(0, _admintoken.resolveAdminToken)(config)
            }
        ],
        exports: [
            _credentialsrepository.CredentialsRepository,
            _credentialcache.CredentialCache,
            _integrationauthguard.IntegrationAuthGuard,
            _adminauthguard.AdminAuthGuard,
            _adminauthguard.ADMIN_TOKEN
        ]
    })
], AuthModule);

//# sourceMappingURL=auth.module.js.map
