"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinkVerifier", {
    enumerable: true,
    get: function() {
        return LinkVerifier;
    }
});
const _common = require("@nestjs/common");
const _tokens = require("../auth/tokens");
const _metrics = require("../metrics/metrics");
const _linkdecision = require("./link-decision");
const _linkstatecache = require("./link-state-cache");
const _sessionrecorder = require("../sessions/session-recorder");
const _usagerecorder = require("./usage-recorder");
const _hourlystats = require("../stats/hourly-stats");
const _verificationrepository = require("./verification.repository");
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
const NO_SECRET = {
    presented: false
};
/** The cache key of "a media server without a secret": no hash of a secret looks like it. */ const WITHOUT_SECRET = 'without-secret';
let LinkVerifier = class LinkVerifier {
    cache;
    serversBySecret;
    repository;
    usage;
    sessions;
    stats;
    metrics;
    logger = new _common.Logger(LinkVerifier.name);
    constructor(cache, serversBySecret, repository, usage, sessions, stats, metrics){
        this.cache = cache;
        this.serversBySecret = serversBySecret;
        this.repository = repository;
        this.usage = usage;
        this.sessions = sessions;
        this.stats = stats;
        this.metrics = metrics;
    }
    async verify(request) {
        const now = new Date();
        const decision = await this.decide(request, now);
        this.metrics.decision(request.resource.protocol, decision.allow ? null : decision.reason);
        this.stats.decision(decision.allow ? null : decision.reason, now);
        return decision;
    }
    /**
   * The secret is decided before the token is read: a caller without a secret the deployment
   * accepts gets one answer whatever token it sends, so it cannot tell real tokens from made-up ones.
   */ async decide(request, now) {
        try {
            const asker = await this.asker(request.secret);
            if (asker.presented && asker.serverId === null) return {
                allow: false,
                reason: 'secret_wrong'
            };
            // Only a media server without a secret (one that trusts its network) is answered without one.
            if (!asker.presented && await this.serverWithoutSecret() === null) return {
                allow: false,
                reason: 'secret_missing'
            };
            if (!request.token) return {
                allow: false,
                reason: 'no_token'
            };
            // Strings not shaped like a link token are refused without a lookup.
            const hash = (0, _tokens.tokenKind)(request.token) === 'link' ? (0, _tokens.hashToken)(request.token) : undefined;
            const state = hash ? await this.cache.through(hash, ()=>this.repository.findLinkState(hash)) : null;
            const decision = (0, _linkdecision.decide)(state, request.resource, asker, now);
            this.usage.record(decision, request.viewerIp, now);
            // An allowed link has its media server (decide() refuses one without).
            if (decision.allow) this.sessions.record(decision.link.id, decision.link.mediaServer.id, request.resource.protocol, request, request.viewerIp, now);
            return decision;
        } catch (error) {
            this.logger.error(`Verification failed, refusing: ${error.message}`);
            return {
                allow: false,
                reason: 'error'
            };
        }
    }
    /** The media server a presented secret belongs to: its hash is looked up (and cached), never compared per link. */ async asker(secret) {
        if (!secret) return NO_SECRET;
        const hash = (0, _tokens.hashToken)(secret);
        return {
            presented: true,
            serverId: await this.serversBySecret.through(hash, ()=>this.repository.findMediaServerIdBySecretHash(hash))
        };
    }
    serverWithoutSecret() {
        return this.serversBySecret.through(WITHOUT_SECRET, ()=>this.repository.findMediaServerIdWithoutSecret());
    }
};
LinkVerifier = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linkstatecache.LinkStateCache === "undefined" ? Object : _linkstatecache.LinkStateCache,
        typeof _linkstatecache.MediaServerBySecretCache === "undefined" ? Object : _linkstatecache.MediaServerBySecretCache,
        typeof _verificationrepository.VerificationRepository === "undefined" ? Object : _verificationrepository.VerificationRepository,
        typeof _usagerecorder.UsageRecorder === "undefined" ? Object : _usagerecorder.UsageRecorder,
        typeof _sessionrecorder.SessionRecorder === "undefined" ? Object : _sessionrecorder.SessionRecorder,
        typeof _hourlystats.HourlyStats === "undefined" ? Object : _hourlystats.HourlyStats,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], LinkVerifier);

//# sourceMappingURL=link-verifier.js.map
