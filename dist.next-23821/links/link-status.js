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
    get LINK_STATUSES () {
        return LINK_STATUSES;
    },
    get STATUS_OF_CAUSE () {
        return STATUS_OF_CAUSE;
    },
    get statusAt () {
        return statusAt;
    }
});
const _client = require("../generated/prisma/client");
const LINK_STATUSES = [
    'active',
    'suspended',
    'expired',
    'revoked'
];
const STATUS_OF_CAUSE = {
    revoked: 'revoked',
    expired: 'expired',
    camera_gone: 'revoked',
    issuer_revoked: 'revoked',
    grant_gone: 'revoked',
    issuer_expired: 'expired',
    grant_expired: 'expired',
    camera_blocked: 'suspended',
    stream_gone: 'suspended'
};
function statusAt(now) {
    return _client.Prisma.sql`CASE
    WHEN l.revoked_at IS NOT NULL THEN 'revoked'
    WHEN l.expires_at <= ${now} THEN 'expired'
    WHEN c.generation IS DISTINCT FROM l.camera_generation THEN 'revoked'
    WHEN (l.integration_token_id IS NOT NULL AND (it.id IS NULL OR it.revoked_at IS NOT NULL))
      OR (l.user_token_id IS NOT NULL AND (ut.id IS NULL OR ut.revoked_at IS NOT NULL)) THEN 'revoked'
    WHEN l.user_id IS NOT NULL AND g.id IS NULL THEN 'revoked'
    WHEN it.expires_at <= ${now} OR ut.expires_at <= ${now} THEN 'expired'
    WHEN l.user_id IS NOT NULL AND g.expires_at <= ${now} THEN 'expired'
    WHEN c.blocked THEN 'suspended'
    WHEN NOT EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = l.camera_uuid AND s.name = l.stream_name) THEN 'suspended'
    ELSE 'active' END`;
}

//# sourceMappingURL=link-status.js.map
