/** Why a viewing session ended. */ "use strict";
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
    get END_REASONS () {
        return END_REASONS;
    },
    get KICK_STATES () {
        return KICK_STATES;
    },
    get MEDIA_SERVER_KINDS () {
        return MEDIA_SERVER_KINDS;
    }
});
const END_REASONS = [
    'revoked',
    'expired',
    'ended_by_admin',
    'camera_blocked',
    'grant_gone',
    'issuer_revoked',
    'idle'
];
const KICK_STATES = [
    'pending',
    'done',
    'gone',
    'failed'
];
const MEDIA_SERVER_KINDS = [
    'nginx',
    'flussonic',
    'mediamtx'
];

//# sourceMappingURL=viewing-session.js.map
