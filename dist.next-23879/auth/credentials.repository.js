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
    get CREDENTIAL_TABLES () {
        return CREDENTIAL_TABLES;
    },
    get CredentialsRepository () {
        return CredentialsRepository;
    },
    get FIND_INTEGRATION_TOKEN () {
        return FIND_INTEGRATION_TOKEN;
    },
    get FIND_USER_TOKEN () {
        return FIND_USER_TOKEN;
    }
});
const _common = require("@nestjs/common");
const _databasechanges = require("../database/database-changes");
const _prismaservice = require("../database/prisma.service");
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
const FIND_INTEGRATION_TOKEN = {
    name: 'camlinks_find_integration_token',
    text: 'SELECT id, integration_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM integration_tokens WHERE token_hash = $1'
};
const FIND_USER_TOKEN = {
    name: 'camlinks_find_user_token',
    text: 'SELECT id, user_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM user_tokens WHERE token_hash = $1'
};
const CREDENTIAL_TABLES = [
    ...new Set([
        ...(0, _databasechanges.tablesReadBy)(FIND_INTEGRATION_TOKEN.text),
        ...(0, _databasechanges.tablesReadBy)(FIND_USER_TOKEN.text)
    ])
];
let CredentialsRepository = class CredentialsRepository {
    prisma;
    db;
    constructor(prisma, db){
        this.prisma = prisma;
        this.db = db;
    }
    async findIntegrationToken(hash) {
        return (await this.db.sql.query(FIND_INTEGRATION_TOKEN, [
            hash
        ]))[0] ?? null;
    }
    async findUserToken(hash) {
        return (await this.db.sql.query(FIND_USER_TOKEN, [
            hash
        ]))[0] ?? null;
    }
    /** The named admin whose token this is, revoked or not (the guard tells the two apart in its log). */ findAdminToken(hash) {
        return this.prisma.admin.findUnique({
            where: {
                tokenHash: hash
            },
            select: {
                id: true,
                name: true,
                role: true,
                revokedAt: true
            }
        });
    }
};
CredentialsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase
    ])
], CredentialsRepository);

//# sourceMappingURL=credentials.repository.js.map
