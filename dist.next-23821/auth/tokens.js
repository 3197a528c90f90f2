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
    get DISPLAY_LENGTH () {
        return DISPLAY_LENGTH;
    },
    get generateToken () {
        return generateToken;
    },
    get hashToken () {
        return hashToken;
    },
    get tokenKind () {
        return tokenKind;
    }
});
const _nodecrypto = require("node:crypto");
/** Typed prefixes tell a leaked token's kind at a glance (and to secret scanners). */ const PREFIXES = {
    integration: 'cli_',
    user: 'clu_',
    link: 'cll_',
    admin: 'cla_'
};
const DISPLAY_LENGTH = 12;
function generateToken(kind) {
    const token = PREFIXES[kind] + (0, _nodecrypto.randomBytes)(32).toString('base64url');
    return {
        token,
        hash: hashToken(token),
        displayPrefix: token.slice(0, DISPLAY_LENGTH)
    };
}
function hashToken(token) {
    return (0, _nodecrypto.createHash)('sha256').update(token).digest('hex');
}
function tokenKind(token) {
    const kind = Object.keys(PREFIXES).find((k)=>token.startsWith(PREFIXES[k]));
    return kind && /^[A-Za-z0-9_-]{43}$/.test(token.slice(PREFIXES[kind].length)) ? kind : undefined;
}

//# sourceMappingURL=tokens.js.map
