"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinksAdminService", {
    enumerable: true,
    get: function() {
        return LinksAdminService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _configmodule = require("../../config/config.module");
const _cursor = require("../../common/cursor");
const _issuedlinksrepository = require("../../links/issued-links.repository");
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
const EXPORT_BATCH = 500;
let LinksAdminService = class LinksAdminService {
    links;
    config;
    constructor(links, config){
        this.links = links;
        this.config = config;
    }
    async list(query, now) {
        return (0, _cursor.fetchPage)(query, (after, take)=>this.links.list(toFilter(query), after, take, now), cursorOf);
    }
    /** Every matching link, a batch at a time, so an export never holds more than one batch. */ export(query, now) {
        const filter = toFilter(query);
        return (0, _cursor.inBatches)(query.cursor, EXPORT_BATCH, (after, take)=>this.links.list(filter, after, take, now), cursorOf);
    }
    async get(id, now) {
        return await this.links.findById(id, now) ?? Promise.reject(_apperror.AppError.notFound('Link'));
    }
    async revoke(id, actor, reason, now) {
        if (!await this.links.revoke(id, {
            by: actor,
            reason: reason ?? null,
            at: now
        })) throw _apperror.AppError.notFound('Link');
        return this.get(id, now);
    }
    async revokeMatching(body, actor) {
        const filter = {
            cameraUuid: body.camera_uuid,
            userId: body.user_id,
            integrationId: body.integration_id,
            issuedFrom: body.issued_after ? new Date(body.issued_after) : undefined,
            issuedTo: body.issued_before ? new Date(body.issued_before) : undefined
        };
        if (!this.narrows(filter)) {
            throw _apperror.AppError.validation({
                filter: [
                    (0, _apperror.fieldMessage)('filter', `needs camera_uuid, user_id or integration_id, or issued_after and issued_before at most LINK_TTL_MAX (${this.config.links.ttlMax} s) apart`)
                ]
            });
        }
        return this.links.revokeMatching(filter, {
            by: actor,
            reason: body.reason ?? null,
            at: new Date()
        });
    }
    /** How many links revoking everything the listing's filter selects would revoke now (the console asks before it does). */ async countRevocable(query, now) {
        return this.links.countRevocable(this.selection(query), now);
    }
    /** Whether the listing's filter (its status aside) is narrow enough to revoke what it selects. */ canRevokeSelection(query) {
        return this.narrows(withoutStatus(query));
    }
    /** Revokes every active link the listing's filter selects (its status aside), as the console's bulk revoke does. */ async revokeSelection(query, actor, reason) {
        return this.links.revokeMatching(this.selection(query), {
            by: actor,
            reason: reason ?? null,
            at: new Date()
        });
    }
    /**
   * Revoking "everything" by omission, or by a filter that keeps about everything (`cll_`, an
   * issue window from the year 2000), is too easy a mistake: a bulk revoke needs an id (camera,
   * user, integration), a token prefix of at least 4 characters after `cll_`, or an issue window
   * no longer than LINK_TTL_MAX.
   */ narrows(filter) {
        if (filter.cameraUuid || filter.userId || filter.integrationId) return true;
        if ((filter.tokenPrefix?.length ?? 0) >= MIN_TOKEN_PREFIX) return true;
        const { issuedFrom: from, issuedTo: to } = filter;
        return from !== undefined && to !== undefined && to.getTime() - from.getTime() <= this.config.links.ttlMax * 1000;
    }
    /** The listing's filter without its status, refused when it does not narrow (as revokeMatching is). */ selection(query) {
        const filter = withoutStatus(query);
        if (!this.narrows(filter)) {
            throw _apperror.AppError.validation({
                filter: [
                    (0, _apperror.fieldMessage)('filter', `needs a camera, user or integration, a token prefix of at least ${MIN_TOKEN_PREFIX} characters, or an issue window of at most LINK_TTL_MAX (${this.config.links.ttlMax} s)`)
                ]
            });
        }
        return filter;
    }
};
LinksAdminService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], LinksAdminService);
/** `cll_` and at least 4 characters of the token's own. */ const MIN_TOKEN_PREFIX = 8;
/** The listing's filter without its status: what a bulk revoke selects. */ function withoutStatus(query) {
    const { status: _, ...filter } = toFilter(query);
    return filter;
}
const cursorOf = (link)=>({
        at: link.issuedAt,
        id: link.id
    });
function toFilter(query) {
    return {
        cameraUuid: query.camera_uuid,
        userId: query.user_id,
        integrationId: query.integration_id,
        status: query.status,
        source: query.source,
        kind: query.kind,
        issuedFrom: query.issued_from ? new Date(query.issued_from) : undefined,
        issuedTo: query.issued_to ? new Date(query.issued_to) : undefined,
        tokenPrefix: query.token_prefix
    };
}

//# sourceMappingURL=links.service.js.map
