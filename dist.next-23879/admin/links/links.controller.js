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
    get LinksAdminController () {
        return LinksAdminController;
    },
    get streamLinksCsv () {
        return streamLinksCsv;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _auditinterceptor = require("../../audit/audit.interceptor");
const _adminapidecorator = require("../admin-api.decorator");
const _csvexport = require("../csv-export");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _adminroles = require("../../auth/admin-roles");
const _linksdto = require("./links.dto");
const _linksservice = require("./links.service");
const _idparamsdto = require("../../common/id-params.dto");
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
let LinksAdminController = class LinksAdminController {
    links;
    constructor(links){
        this.links = links;
    }
    async list(query, accept, res) {
        const now = new Date();
        if (accept?.includes('text/csv')) return streamLinksCsv(this.links, query, now, res);
        const { data, nextCursor } = await this.links.list(query, now);
        return {
            data: data.map(_linksdto.mapLink),
            next_cursor: nextCursor
        };
    }
    async export(query, res) {
        await streamLinksCsv(this.links, query, new Date(), res);
    }
    async get({ id }) {
        return (0, _linksdto.mapLink)(await this.links.get(id, new Date()));
    }
    async revokeMatching(body, actor, request) {
        const count = await this.links.revokeMatching(body, actor);
        const { reason: _, ...filter } = body;
        (0, _auditinterceptor.addAuditDetails)(request, {
            revoked: count,
            filter
        });
        return {
            count
        };
    }
    async revoke({ id }, body, actor) {
        return (0, _linksdto.mapLink)(await this.links.revoke(id, actor, body.reason, new Date()));
    }
};
_ts_decorate([
    (0, _common.Get)('links'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'List issued links',
        description: 'Links matching the filters, newest first, a page at a time (pass `next_cursor` as `cursor` for the next). ' + 'For a CSV file use `GET /api/v1/admin/links.csv`. (Deprecated, kept for existing callers: this route still answers ' + '`Accept: text/csv` with that file.)'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _linksdto.LinkPageDto
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        status: [
            'The status field must be one of: active, expired, revoked.'
        ]
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _common.Headers)('accept')),
    _ts_param(2, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linksdto.LinksQueryDto === "undefined" ? Object : _linksdto.LinksQueryDto,
        Object,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], LinksAdminController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)('links.csv'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'Export issued links as CSV',
        description: 'Every link matching the filters (from `cursor` on, if given), newest first, as one streamed CSV file: the list without pages.'
    }),
    (0, _swagger.ApiOkResponse)({
        description: 'The links, as a download.',
        content: {
            'text/csv': {
                schema: {
                    type: 'string',
                    description: `A header row, then one row per link: ${_linksdto.LINK_CSV_COLUMNS.join(', ')}.`
                }
            }
        },
        headers: {
            'Content-Disposition': {
                required: true,
                description: '`attachment; filename="links.csv"`.',
                schema: {
                    type: 'string'
                }
            }
        }
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        status: [
            'The status field must be one of: active, expired, revoked.'
        ]
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linksdto.LinksExportQueryDto === "undefined" ? Object : _linksdto.LinksExportQueryDto,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], LinksAdminController.prototype, "export", null);
_ts_decorate([
    (0, _common.Get)('links/:id'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'Get an issued link',
        description: 'Who it was issued to, for what, its usage and whether it was revoked; never the token.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Link'),
    (0, _swagger.ApiOkResponse)({
        type: _linksdto.LinkDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], LinksAdminController.prototype, "get", null);
_ts_decorate([
    (0, _common.Post)('links/revoke'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke every link matching a filter',
        description: 'By camera, user, integration and/or issue time; the filter must narrow: a camera, user or integration, or an issue window (`issued_after` to `issued_before`) no longer than LINK_TTL_MAX. Each active match stops working at once, on every instance.'
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        filter: [
            'The filter field needs camera_uuid, user_id or integration_id, or issued_after and issued_before at most LINK_TTL_MAX (86400 s) apart.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _linksdto.RevokedCountDto
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linksdto.RevokeLinksDto === "undefined" ? Object : _linksdto.RevokeLinksDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", Promise)
], LinksAdminController.prototype, "revokeMatching", null);
_ts_decorate([
    (0, _common.Post)('links/:id/revoke'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke a link',
        description: 'It stops working at once, on every instance; the revocation (who, when, why) is kept.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Link'),
    (0, _swagger.ApiOkResponse)({
        type: _linksdto.LinkDto,
        description: 'The link, revoked (revoking twice keeps the first revocation).'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _linksdto.RevokeLinkDto === "undefined" ? Object : _linksdto.RevokeLinkDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", Promise)
], LinksAdminController.prototype, "revoke", null);
LinksAdminController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: links'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linksservice.LinksAdminService === "undefined" ? Object : _linksservice.LinksAdminService
    ])
], LinksAdminController);
function streamLinksCsv(links, query, now, res) {
    return (0, _csvexport.streamCsv)(res, 'links.csv', links.export(query, now), _linksdto.LINK_CSV_COLUMNS, (link)=>(0, _linksdto.flattenLink)((0, _linksdto.mapLink)(link)));
}

//# sourceMappingURL=links.controller.js.map
