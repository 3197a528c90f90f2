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
    get AdminsService () {
        return AdminsService;
    },
    get LAST_OWNER_MESSAGE () {
        return LAST_OWNER_MESSAGE;
    }
});
const _common = require("@nestjs/common");
const _adminidentity = require("../../auth/admin-identity");
const _tokens = require("../../auth/tokens");
const _apperror = require("../../common/app-error");
const _names = require("../../common/names");
const _adminsrepository = require("./admins.repository");
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
const LAST_OWNER_MESSAGE = 'This is the last owner who can sign in: make another admin an owner first.';
let AdminsService = class AdminsService {
    admins;
    constructor(admins){
        this.admins = admins;
    }
    /**
   * The new admin and its token, which exists in plaintext only until the response is sent. Its
   * name may not look like another admin's (the unique keys settle a race; this names the admin).
   */ async create(name, email, role = 'admin') {
        const keys = (0, _names.nameKeys)(name);
        const lookalike = await this.admins.findLookalike(keys);
        if (lookalike) throw new _apperror.AppError(_apperror.ErrorCode.Conflict, `The name looks like that of admin ${JSON.stringify(lookalike.name)} (${lookalike.id}).`);
        const secret = (0, _tokens.generateToken)('admin');
        const admin = await this.admins.create({
            name,
            ...keys,
            email: email ?? null,
            role,
            tokenHash: secret.hash,
            tokenPrefix: secret.displayPrefix
        });
        return {
            admin,
            token: secret.token
        };
    }
    list() {
        return this.admins.list();
    }
    async get(id) {
        return await this.admins.find(id) ?? Promise.reject(_apperror.AppError.notFound('Admin'));
    }
    /** Never leaves no owner who can sign in; the bootstrap admin is always an owner. */ async setRole(id, role) {
        this.refuseBootstrap(id, 'is the bootstrap admin: it is always an owner');
        const result = await this.admins.setRole(id, role);
        return typeof result === 'string' ? Promise.reject(refusal(result)) : result;
    }
    /** Idempotent; the bootstrap admin's token is the configuration's to change (ADMIN_TOKEN), not the API's. */ async revokeToken(id) {
        this.refuseBootstrap(id, 'is the bootstrap admin: its token is ADMIN_TOKEN (or data/admin-token); change that instead');
        const result = await this.admins.revokeToken(id, new Date());
        if (result !== true) throw refusal(result);
    }
    refuseBootstrap(id, problem) {
        if (id === _adminidentity.BOOTSTRAP_ADMIN.id) throw _apperror.AppError.invalidField('id', problem);
    }
};
AdminsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _adminsrepository.AdminsRepository === "undefined" ? Object : _adminsrepository.AdminsRepository
    ])
], AdminsService);
function refusal(reason) {
    return reason === 'not-found' ? _apperror.AppError.notFound('Admin') : new _apperror.AppError(_apperror.ErrorCode.Conflict, LAST_OWNER_MESSAGE);
}

//# sourceMappingURL=admins.service.js.map
