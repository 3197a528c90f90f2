"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LinkRevocationController", {
    enumerable: true,
    get: function() {
        return LinkRevocationController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _auditinterceptor = require("../audit/audit.interceptor");
const _auditedactions = require("../audit/audited-actions");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _apiresponsesdecorator = require("../openapi/api-responses.decorator");
const _linkrevocationdto = require("./link-revocation.dto");
const _linkrevocationservice = require("./link-revocation.service");
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
let LinkRevocationController = class LinkRevocationController {
    revocations;
    constructor(revocations){
        this.revocations = revocations;
    }
    revoke(principal, body, request) {
        return this.revocations.revoke(principal, body, {
            action: (0, _auditinterceptor.actionOf)(request),
            requestId: request.id ?? null,
            clientIp: request.ip ?? null
        });
    }
};
_ts_decorate([
    (0, _common.Post)('revoke'),
    (0, _common.HttpCode)(200),
    (0, _common.UseGuards)(_integrationauthguard.IntegrationAuthGuard),
    (0, _swagger.ApiBearerAuth)('integration'),
    (0, _auditedactions.WritesOwnAuditEvent)(),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke links the caller issued',
        description: 'Takes back links by token or URL (a user signed out, a ticket closed): each stops working at once, on every instance, as when an admin revokes it. ' + "An integration token revokes its own links, its users' included (with `X-User-Token`, only that user's); a user token only the links it was issued itself. " + 'All or nothing, audited as the caller. Links of anyone else are answered as not found and never revoked.'
    }),
    (0, _swagger.ApiHeader)({
        name: 'X-User-Token',
        required: false,
        description: "A user's token (`clu_…`), with an integration token: only that user's links."
    }),
    (0, _swagger.ApiOkResponse)({
        type: _linkrevocationdto.OwnLinksRevokedDto,
        description: 'Every link sent, in one of three lists.'
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        links: [
            'The links field must contain at least 1 link.'
        ]
    }),
    _ts_param(0, (0, _integrationauthguard.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _linkrevocationdto.RevokeOwnLinksDto === "undefined" ? Object : _linkrevocationdto.RevokeOwnLinksDto,
        Object
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], LinkRevocationController.prototype, "revoke", null);
LinkRevocationController = _ts_decorate([
    (0, _swagger.ApiTags)('integration'),
    (0, _common.Controller)('api/v1/links'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linkrevocationservice.LinkRevocationService === "undefined" ? Object : _linkrevocationservice.LinkRevocationService
    ])
], LinkRevocationController);

//# sourceMappingURL=link-revocation.controller.js.map
