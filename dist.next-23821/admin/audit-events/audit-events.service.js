"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuditEventsService", {
    enumerable: true,
    get: function() {
        return AuditEventsService;
    }
});
const _common = require("@nestjs/common");
const _auditeventsrepository = require("../../audit/audit-events.repository");
const _cursor = require("../../common/cursor");
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
let AuditEventsService = class AuditEventsService {
    events;
    constructor(events){
        this.events = events;
    }
    list(query) {
        const filter = {
            actorType: query.actor_type,
            actor: query.actor,
            actorId: query.actor_id,
            action: query.action,
            objectType: query.object_type,
            objectId: query.object_id,
            outcome: query.outcome,
            from: query.from ? new Date(query.from) : undefined,
            to: query.to ? new Date(query.to) : undefined
        };
        return (0, _cursor.fetchPage)(query, (after, take)=>this.events.list(filter, after, take), (row)=>({
                at: row.occurredAt,
                id: row.id
            }));
    }
};
AuditEventsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository
    ])
], AuditEventsService);

//# sourceMappingURL=audit-events.service.js.map
