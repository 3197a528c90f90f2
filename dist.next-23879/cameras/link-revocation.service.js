"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinkRevocationService", {
    enumerable: true,
    get: function() {
        return LinkRevocationService;
    }
});
const _common = require("@nestjs/common");
const _tokens = require("../auth/tokens");
const _databasechanges = require("../database/database-changes");
const _issuedlinksrepository = require("../links/issued-links.repository");
const _linkreferences = require("../links/link-references");
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
let LinkRevocationService = class LinkRevocationService {
    links;
    changes;
    constructor(links, changes){
        this.links = links;
        this.changes = changes;
    }
    async revoke(principal, body, request) {
        const references = [
            ...new Set(body.links)
        ];
        const hashes = new Map(references.map((reference)=>[
                reference,
                hashOf((0, _linkreferences.linkTokenOf)(reference))
            ]));
        const reason = body.reason ?? null;
        // Every accepted request is audited, one that named no link of the caller's included.
        const outcome = await this.links.revokeOwn({
            owner: ownerOf(principal),
            tokenHashes: [
                ...new Set([
                    ...hashes.values()
                ].filter((hash)=>hash !== undefined))
            ],
            reason,
            at: new Date(),
            auditEvent: ({ revoked, alreadyRevoked, actorType, actor, actorId })=>{
                const notFound = classify(hashes, {
                    revoked,
                    alreadyRevoked
                }).not_found.length;
                return {
                    actorType,
                    actor,
                    actorId,
                    action: request.action,
                    objectType: 'links',
                    objectId: null,
                    outcome: 'success',
                    statusCode: 200,
                    requestId: request.requestId,
                    clientIp: request.clientIp,
                    // Ids and a count, never what was sent: a link's token opens it.
                    details: {
                        reason,
                        revoked: [
                            ...revoked.values()
                        ],
                        already_revoked: [
                            ...alreadyRevoked.values()
                        ],
                        not_found: notFound,
                        ...principal.integration && principal.user && {
                            for_user_id: principal.user.id
                        }
                    }
                };
            }
        });
        // This instance's caches forget at once; the others hear the notification.
        if (outcome.revoked.size) this.changes.changedHere();
        return classify(hashes, outcome);
    }
};
LinkRevocationService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository,
        typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges
    ])
], LinkRevocationService);
const hashOf = (token)=>token && (0, _tokens.hashToken)(token);
/** Each reference, as sent, in the one list its link's fate puts it in. */ function classify(hashes, outcome) {
    const answer = {
        revoked: [],
        already_revoked: [],
        not_found: []
    };
    for (const [reference, hash] of hashes){
        const list = hash && outcome.revoked.has(hash) ? answer.revoked : hash && outcome.alreadyRevoked.has(hash) ? answer.already_revoked : answer.not_found;
        list.push(reference);
    }
    return answer;
}
/** An integration's own links (only its user's, when acting for one), or a user's own. */ function ownerOf(principal) {
    if (principal.integration) return {
        integrationId: principal.integration.id,
        ...principal.user && {
            userId: principal.user.id
        }
    };
    return {
        userId: principal.user.id
    };
}

//# sourceMappingURL=link-revocation.service.js.map
