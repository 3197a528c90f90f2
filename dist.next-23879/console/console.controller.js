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
    get ConsoleController () {
        return ConsoleController;
    },
    get FILTER_CHOICES_MAX () {
        return FILTER_CHOICES_MAX;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _adminsservice = require("../admin/admins/admins.service");
const _auditeventsservice = require("../admin/audit-events/audit-events.service");
const _camerasservice = require("../admin/cameras/cameras.service");
const _changeshereinterceptor = require("../admin/changes-here.interceptor");
const _integrationsservice = require("../admin/integrations/integrations.service");
const _linkscontroller = require("../admin/links/links.controller");
const _linkstatus = require("../links/link-status");
const _linksservice = require("../admin/links/links.service");
const _sessionsservice = require("../admin/sessions/sessions.service");
const _usersservice = require("../admin/users/users.service");
const _auditinterceptor = require("../audit/audit.interceptor");
const _adminroles = require("../auth/admin-roles");
const _idparamsdto = require("../common/id-params.dto");
const _linkkind = require("../links/link-kind");
const _consoleauthguard = require("./console-auth.guard");
const _consoleexceptionfilter = require("./console-exception.filter");
const _consolepage = require("./console-page");
const _consoledto = require("./console.dto");
const _overviewservice = require("./overview.service");
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
const PAGE_SIZE = 50;
/** "Watching now" shows this many open sessions at most (the API lists them all). */ const WATCHING_MAX = 50;
const FILTER_CHOICES_MAX = 200;
let ConsoleController = class ConsoleController {
    overviews;
    links;
    sessions;
    events;
    admins;
    cameras;
    users;
    integrations;
    constructor(overviews, links, sessions, events, admins, cameras, users, integrations){
        this.overviews = overviews;
        this.links = links;
        this.sessions = sessions;
        this.events = events;
        this.admins = admins;
        this.cameras = cameras;
        this.users = users;
        this.integrations = integrations;
    }
    async overview(session) {
        const now = new Date();
        const [overview, watching] = await Promise.all([
            this.overviews.overview(now),
            this.sessions.watchingNow(undefined, WATCHING_MAX)
        ]);
        const { active, expired, revoked } = overview.counts;
        return (0, _consolepage.page)(session, 'overview', 'Overview', {
            overview,
            watching,
            firstRun: active + expired + revoked === 0
        });
    }
    async list(form, session) {
        const query = (0, _consoledto.toLinksQuery)(form);
        const [{ data, nextCursor }, choices] = await Promise.all([
            this.links.list({
                ...query,
                limit: form.limit ?? PAGE_SIZE
            }, new Date()),
            this.choices()
        ]);
        const filter = (0, _consolepage.filterOf)(form);
        return (0, _consolepage.page)(session, 'links', 'Links', {
            links: data,
            filter,
            choices,
            kinds: _linkkind.LINK_KINDS,
            statuses: _linkstatus.LINK_STATUSES,
            revoked: form.revoked,
            nextPage: nextCursor && `/admin/links${(0, _consolepage.queryString)({
                ...filter,
                cursor: nextCursor
            })}`,
            csvUrl: `/admin/links.csv${(0, _consolepage.queryString)(filter)}`,
            bulkRevokeUrl: `/admin/links/revoke${(0, _consolepage.queryString)({
                ...filter,
                status: undefined
            })}`,
            canBulkRevoke: this.links.canRevokeSelection(query)
        });
    }
    async csv(form, response) {
        await (0, _linkscontroller.streamLinksCsv)(this.links, (0, _consoledto.toLinksQuery)(form), new Date(), response);
    }
    async confirmBulkRevoke(form, session) {
        const filter = {
            ...(0, _consolepage.filterOf)(form),
            status: undefined
        };
        const query = (0, _consoledto.toLinksQuery)(filter);
        const [count, choices] = await Promise.all([
            this.links.countRevocable(query, new Date()),
            this.choices()
        ]);
        return (0, _consolepage.page)(session, 'links', 'Revoke links', {
            count,
            filter,
            issuedFrom: query.issued_from,
            issuedTo: query.issued_to,
            choices,
            back: `/admin/links${(0, _consolepage.queryString)(filter)}`
        });
    }
    async bulkRevoke(body, session, request) {
        const { _csrf, reason, ...filter } = body;
        const count = await this.links.revokeSelection((0, _consoledto.toLinksQuery)(filter), session.admin, reason || undefined);
        (0, _auditinterceptor.addAuditDetails)(request, {
            revoked: count,
            filter
        });
        return {
            url: `/admin/links${(0, _consolepage.queryString)({
                ...filter,
                revoked: count
            })}`
        };
    }
    async link({ id }, session) {
        const [link, watching] = await Promise.all([
            this.links.get(id, new Date()),
            this.sessions.watchingNow(id, WATCHING_MAX)
        ]);
        return (0, _consolepage.page)(session, 'links', `Link ${link.tokenPrefix}…`, {
            link,
            watching
        });
    }
    async revoke({ id }, body, session) {
        await this.links.revoke(id, session.admin, body.reason || undefined, new Date());
        return {
            url: `/admin/links/${id}`
        };
    }
    /** Ends one viewer's session (the reason is audited with the form), back to the page it was ended from. */ async endSession({ id }, body) {
        const ended = await this.sessions.end(id, new Date());
        return {
            url: body.from === 'link' ? `/admin/links/${ended.linkId}` : '/admin'
        };
    }
    async auditEvents(form, session) {
        const [{ data, nextCursor }, admins] = await Promise.all([
            this.events.list({
                ...(0, _consoledto.toAuditQuery)(form),
                limit: form.limit ?? PAGE_SIZE
            }),
            this.admins.list()
        ]);
        const filter = (0, _consolepage.filterOf)(form);
        return (0, _consolepage.page)(session, 'audit', 'Audit events', {
            events: data,
            filter,
            admins,
            objectTypes: [
                'links',
                'sessions',
                'admins',
                'cameras',
                'media-servers',
                'users',
                'grants',
                'integrations',
                'sign-in',
                'sign-out'
            ],
            nextPage: nextCursor && `/admin/audit-events${(0, _consolepage.queryString)({
                ...filter,
                cursor: nextCursor
            })}`
        });
    }
    /**
   * What the links filter offers for cameras, users and integrations: their names while there
   * are at most FILTER_CHOICES_MAX of a kind, null beyond (the filter then takes an id).
   */ async choices() {
        const bounded = async (names)=>{
            const rows = await names;
            return rows.length > FILTER_CHOICES_MAX ? null : rows;
        };
        const take = FILTER_CHOICES_MAX + 1;
        const [cameras, users, integrations] = await Promise.all([
            bounded(this.cameras.names(take)),
            bounded(this.users.names(take)),
            bounded(this.integrations.names(take))
        ]);
        return {
            cameras,
            users,
            integrations
        };
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _common.Render)('overview'),
    _ts_param(0, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "overview", null);
_ts_decorate([
    (0, _common.Get)('links'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _common.Render)('links'),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.ConsoleLinksQueryDto === "undefined" ? Object : _consoledto.ConsoleLinksQueryDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)('links.csv'),
    (0, _adminroles.RequiresRole)('auditor'),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.ConsoleLinksQueryDto === "undefined" ? Object : _consoledto.ConsoleLinksQueryDto,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "csv", null);
_ts_decorate([
    (0, _common.Get)('links/revoke'),
    (0, _common.Render)('bulk-revoke'),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.ConsoleLinksQueryDto === "undefined" ? Object : _consoledto.ConsoleLinksQueryDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "confirmBulkRevoke", null);
_ts_decorate([
    (0, _common.Post)('links/revoke'),
    (0, _common.HttpCode)(303),
    (0, _common.Redirect)('/admin/links', 303),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.BulkRevokeFormDto === "undefined" ? Object : _consoledto.BulkRevokeFormDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "bulkRevoke", null);
_ts_decorate([
    (0, _common.Get)('links/:id'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _common.Render)('link'),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "link", null);
_ts_decorate([
    (0, _common.Post)('links/:id/revoke'),
    (0, _common.HttpCode)(303),
    (0, _common.Redirect)('/admin/links', 303),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _consoledto.RevokeFormDto === "undefined" ? Object : _consoledto.RevokeFormDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "revoke", null);
_ts_decorate([
    (0, _common.Post)('sessions/:id/end'),
    (0, _common.HttpCode)(303),
    (0, _common.Redirect)('/admin', 303),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _consoledto.EndSessionFormDto === "undefined" ? Object : _consoledto.EndSessionFormDto
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "endSession", null);
_ts_decorate([
    (0, _common.Get)('audit-events'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _common.Render)('audit-events'),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.ConsoleAuditQueryDto === "undefined" ? Object : _consoledto.ConsoleAuditQueryDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleController.prototype, "auditEvents", null);
ConsoleController = _ts_decorate([
    (0, _swagger.ApiExcludeController)(),
    (0, _common.UseGuards)(_consoleauthguard.ConsoleAuthGuard),
    (0, _common.UseFilters)(_consoleexceptionfilter.ConsoleExceptionFilter),
    (0, _common.UseInterceptors)(_auditinterceptor.AuditInterceptor, _changeshereinterceptor.ChangesHereInterceptor),
    (0, _common.Controller)('admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _overviewservice.OverviewService === "undefined" ? Object : _overviewservice.OverviewService,
        typeof _linksservice.LinksAdminService === "undefined" ? Object : _linksservice.LinksAdminService,
        typeof _sessionsservice.SessionsAdminService === "undefined" ? Object : _sessionsservice.SessionsAdminService,
        typeof _auditeventsservice.AuditEventsService === "undefined" ? Object : _auditeventsservice.AuditEventsService,
        typeof _adminsservice.AdminsService === "undefined" ? Object : _adminsservice.AdminsService,
        typeof _camerasservice.CamerasService === "undefined" ? Object : _camerasservice.CamerasService,
        typeof _usersservice.UsersService === "undefined" ? Object : _usersservice.UsersService,
        typeof _integrationsservice.IntegrationsService === "undefined" ? Object : _integrationsservice.IntegrationsService
    ])
], ConsoleController);

//# sourceMappingURL=console.controller.js.map
