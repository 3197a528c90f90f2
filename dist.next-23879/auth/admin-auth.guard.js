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
    get ADMIN_TOKEN () {
        return ADMIN_TOKEN;
    },
    get AdminActor () {
        return AdminActor;
    },
    get AdminAuthGuard () {
        return AdminAuthGuard;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _nodecrypto = require("node:crypto");
const _apperror = require("../common/app-error");
const _adminidentity = require("./admin-identity");
const _adminroles = require("./admin-roles");
const _credentialsrepository = require("./credentials.repository");
const _integrationauthguard = require("./integration-auth.guard");
const _tokens = require("./tokens");
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
const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');
let AdminAuthGuard = class AdminAuthGuard {
    credentials;
    reflector;
    bootstrap;
    constructor(source, credentials, reflector){
        this.credentials = credentials;
        this.reflector = reflector;
        this.bootstrap = source.kind === 'closed' ? undefined : Buffer.from((0, _tokens.hashToken)(source.token));
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const admin = await this.identify((0, _integrationauthguard.requireBearer)(request));
        if (typeof admin === 'string') throw _apperror.AppError.unauthenticated(admin);
        request.admin = admin;
        (0, _adminroles.assertRequiredRole)(this.reflector, context, admin);
        return true;
    }
    /** Whether `hash` is the hash of the bootstrap token as configured now. */ isBootstrapHash(hash) {
        return this.bootstrap !== undefined && hash !== null && hash.length === this.bootstrap.length && (0, _nodecrypto.timingSafeEqual)(Buffer.from(hash), this.bootstrap);
    }
    /** The admin a presented token belongs to; undefined when it is no admin's (unknown, revoked, malformed). */ async authenticate(presented) {
        const admin = await this.identify(presented);
        return typeof admin === 'string' ? undefined : admin;
    }
    /** The admin a presented token belongs to, or why it is none. */ async identify(presented) {
        if (!presented) return 'no_credentials';
        const hash = (0, _tokens.hashToken)(presented);
        if (this.isBootstrapHash(hash)) return _adminidentity.BOOTSTRAP_ADMIN;
        const kind = (0, _tokens.tokenKind)(presented);
        if (kind === 'integration' || kind === 'user' || kind === 'link') return 'wrong_api';
        if (kind !== 'admin') return this.bootstrap ? 'unknown_token' : 'admin_api_closed';
        // Not cached: admin requests are few, and a revoked admin token must stop at once on every instance.
        const admin = await this.credentials.findAdminToken(hash);
        if (!admin) return 'unknown_token';
        return admin.revokedAt ? 'revoked' : {
            id: admin.id,
            name: admin.name,
            role: admin.role
        };
    }
};
AdminAuthGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(ADMIN_TOKEN)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AdminTokenSource === "undefined" ? Object : AdminTokenSource,
        typeof _credentialsrepository.CredentialsRepository === "undefined" ? Object : _credentialsrepository.CredentialsRepository,
        typeof _core.Reflector === "undefined" ? Object : _core.Reflector
    ])
], AdminAuthGuard);
const AdminActor = (0, _common.createParamDecorator)((_, context)=>{
    const admin = context.switchToHttp().getRequest().admin;
    if (!admin) throw _apperror.AppError.unauthenticated('no_credentials');
    return admin;
});

//# sourceMappingURL=admin-auth.guard.js.map
