"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SessionsAdminController", {
    enumerable: true,
    get: function() {
        return SessionsAdminController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _adminroles = require("../../auth/admin-roles");
const _idparamsdto = require("../../common/id-params.dto");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _csvexport = require("../csv-export");
const _sessionsdto = require("./sessions.dto");
const _sessionsservice = require("./sessions.service");
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
let SessionsAdminController = class SessionsAdminController {
    sessions;
    constructor(sessions){
        this.sessions = sessions;
    }
    async list(query) {
        const { data, nextCursor } = await this.sessions.list(query);
        return {
            data: data.map(_sessionsdto.mapSession),
            next_cursor: nextCursor
        };
    }
    async export(query, res) {
        await (0, _csvexport.streamCsv)(res, 'sessions.csv', this.sessions.export(query), _sessionsdto.SESSION_CSV_COLUMNS, _sessionsdto.mapSession);
    }
    async listByLink({ id }, query) {
        const { data, nextCursor } = await this.sessions.listByLink(id, query);
        return {
            data: data.map(_sessionsdto.mapSession),
            next_cursor: nextCursor
        };
    }
    async end({ id }, _body) {
        return (0, _sessionsdto.mapSession)(await this.sessions.end(id, new Date()));
    }
};
_ts_decorate([
    (0, _common.Get)('sessions'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'List viewing sessions',
        description: 'Who watches (or watched) through which link, newest first, a page at a time (pass `next_cursor` as `cursor` for the next); `active=true` for who is watching now. ' + 'For a CSV file use `GET /api/v1/admin/sessions.csv`.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _sessionsdto.SessionPageDto
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _sessionsdto.SessionsQueryDto === "undefined" ? Object : _sessionsdto.SessionsQueryDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsAdminController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)('sessions.csv'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'Export viewing sessions as CSV',
        description: 'Every session matching the filters (from `cursor` on, if given), newest first, as one streamed CSV file: the list without pages.'
    }),
    (0, _swagger.ApiOkResponse)({
        description: 'The sessions, as a download.',
        content: {
            'text/csv': {
                schema: {
                    type: 'string',
                    description: `A header row, then one row per session: ${_sessionsdto.SESSION_CSV_COLUMNS.join(', ')}.`
                }
            }
        },
        headers: {
            'Content-Disposition': {
                required: true,
                description: '`attachment; filename="sessions.csv"`.',
                schema: {
                    type: 'string'
                }
            }
        }
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _sessionsdto.SessionsQueryDto === "undefined" ? Object : _sessionsdto.SessionsQueryDto,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsAdminController.prototype, "export", null);
_ts_decorate([
    (0, _common.Get)('links/:id/sessions'),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: "List a link's viewing sessions",
        description: 'Newest first, a page at a time, open and ended ones.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Link'),
    (0, _swagger.ApiOkResponse)({
        type: _sessionsdto.SessionPageDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _sessionsdto.LinkSessionsQueryDto === "undefined" ? Object : _sessionsdto.LinkSessionsQueryDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsAdminController.prototype, "listByLink", null);
_ts_decorate([
    (0, _common.Post)('sessions/:id/end'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: "End one viewer's session",
        description: 'Without revoking its link. A MediaMTX session is kicked on its media server (`kick_state` pending, then what came of it). nginx and Flussonic ' + 'cannot be told to stop one viewer: they keep allowing the link, so a viewer who goes on watching appears as a new session (revoke the link to stop them).'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Session'),
    (0, _apiresponsesdecorator.ApiConflict)('The session has already ended.', _sessionsservice.ALREADY_ENDED),
    (0, _swagger.ApiOkResponse)({
        type: _sessionsdto.SessionDto,
        description: 'The session, ended.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _sessionsdto.EndSessionDto === "undefined" ? Object : _sessionsdto.EndSessionDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SessionsAdminController.prototype, "end", null);
SessionsAdminController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: sessions'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _sessionsservice.SessionsAdminService === "undefined" ? Object : _sessionsservice.SessionsAdminService
    ])
], SessionsAdminController);

//# sourceMappingURL=sessions.controller.js.map
