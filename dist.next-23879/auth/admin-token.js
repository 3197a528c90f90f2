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
    get ADMIN_TOKEN_FILE () {
        return ADMIN_TOKEN_FILE;
    },
    get resolveAdminToken () {
        return resolveAdminToken;
    }
});
const _nodecrypto = require("node:crypto");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const ADMIN_TOKEN_FILE = 'admin-token';
async function resolveAdminToken(config) {
    if (config.adminToken) return {
        kind: 'env',
        token: config.adminToken
    };
    if (config.database.kind !== 'embedded' || config.database.dataDir === 'memory://') return {
        kind: 'closed'
    };
    const path = (0, _nodepath.join)(config.database.dataDir, ADMIN_TOKEN_FILE);
    const existing = await (0, _promises.readFile)(path, 'utf8').catch(()=>undefined);
    if (existing?.trim()) return {
        kind: 'file',
        token: existing.trim(),
        path
    };
    await (0, _promises.mkdir)(config.database.dataDir, {
        recursive: true
    });
    const token = (0, _nodecrypto.randomBytes)(32).toString('base64url');
    await (0, _promises.writeFile)(path, `${token}\n`, {
        mode: 0o600,
        flag: 'wx'
    });
    await (0, _promises.chmod)(path, 0o600);
    return {
        kind: 'file',
        token,
        path
    };
}

//# sourceMappingURL=admin-token.js.map
