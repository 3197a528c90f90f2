"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuditEventsController", {
    enumerable: true,
    get: function() {
        return AuditEventsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _adminroles = require("../../auth/admin-roles");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _auditeventsdto = require("./audit-events.dto");
const _auditeventsservice = require("./audit-events.service");
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
let AuditEventsController = class AuditEventsController {
    events;
    constructor(events){
        this.events = events;
    }
    async list(query) {
        const { data, nextCursor } = await this.events.list(query);
        return {
            data: data.map(_auditeventsdto.mapAuditEvent),
            next_cursor: nextCursor
        };
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _swagger.ApiOperation)({
        summary: 'List audit events',
        description: 'Every admin action (who, what, on which record, and whether it succeeded), newest first, a page at a time: pass `next_cursor` as `cursor` for the next.'
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        cursor: [
            'The cursor field is not a cursor returned by this API.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _auditeventsdto.AuditEventPageDto,
        description: 'Newest first.'
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auditeventsdto.AuditEventsQueryDto === "undefined" ? Object : _auditeventsdto.AuditEventsQueryDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AuditEventsController.prototype, "list", null);
AuditEventsController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: audit events'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/audit-events'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auditeventsservice.AuditEventsService === "undefined" ? Object : _auditeventsservice.AuditEventsService
    ])
], AuditEventsController);

//# sourceMappingURL=audit-events.controller.js.map
