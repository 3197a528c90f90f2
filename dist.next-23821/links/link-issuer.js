"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinkIssuer", {
    enumerable: true,
    get: function() {
        return LinkIssuer;
    }
});
const _common = require("@nestjs/common");
const _tokens = require("../auth/tokens");
const _hourlystats = require("../stats/hourly-stats");
const _metrics = require("../metrics/metrics");
const _issuedlinkwriter = require("./issued-link-writer");
const _urltemplates = require("./url-templates");
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
let LinkIssuer = class LinkIssuer {
    writer;
    metrics;
    stats;
    constructor(writer, metrics, stats){
        this.writer = writer;
        this.metrics = metrics;
        this.stats = stats;
    }
    async issue(requests, context) {
        const { principal, now } = context;
        const minted = requests.map((request)=>({
                request,
                secret: (0, _tokens.generateToken)('link'),
                expiresAt: new Date(now.getTime() + request.ttl * 1000)
            }));
        await this.writer.write(minted.map(({ request, secret, expiresAt })=>({
                tokenHash: secret.hash,
                tokenPrefix: secret.displayPrefix,
                cameraUuid: request.cameraUuid,
                streamType: request.streamType,
                streamName: request.streamName,
                kind: request.kind,
                archiveFrom: request.archiveFrom,
                archiveTo: request.archiveTo,
                source: request.source,
                ttl: request.ttl,
                issuedAt: now,
                expiresAt,
                integrationId: principal.integration?.id ?? null,
                integrationTokenId: principal.integration?.tokenId ?? null,
                userId: principal.user?.id ?? null,
                userTokenId: principal.user?.tokenId ?? null,
                cameraGeneration: request.cameraGeneration,
                grantGeneration: request.grantGeneration,
                clientIp: context.clientIp ?? null,
                userAgent: context.userAgent?.slice(0, 512) ?? null
            })));
        for (const { request } of minted)this.metrics.linkIssued(context.endpoint, request.source, request.kind);
        this.stats.linksIssued(minted.length, now);
        return minted.map(({ request, secret, expiresAt })=>({
                request,
                expiresAt,
                url: (0, _urltemplates.buildUrl)(request.mediaServer, request, secret.token)
            }));
    }
};
LinkIssuer = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _issuedlinkwriter.IssuedLinkWriter === "undefined" ? Object : _issuedlinkwriter.IssuedLinkWriter,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof _hourlystats.HourlyStats === "undefined" ? Object : _hourlystats.HourlyStats
    ])
], LinkIssuer);

//# sourceMappingURL=link-issuer.js.map
