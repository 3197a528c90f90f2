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
    get AUDIT_ACTOR_TYPES () {
        return AUDIT_ACTOR_TYPES;
    },
    get AuditEventsRepository () {
        return AuditEventsRepository;
    },
    get NON_ADMIN_ACTORS () {
        return NON_ADMIN_ACTORS;
    }
});
const _common = require("@nestjs/common");
const _cursor = require("../common/cursor");
const _prismaservice = require("../database/prisma.service");
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
const NON_ADMIN_ACTORS = {
    unauthenticated: 'unauthenticated',
    unknown: 'unknown'
};
const AUDIT_ACTOR_TYPES = [
    'admin',
    'integration',
    'user',
    'unauthenticated'
];
let AuditEventsRepository = class AuditEventsRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    /** Within `tx` when the event must commit with what it records. */ async append(event, tx = this.prisma) {
        await tx.auditEvent.create({
            data: {
                ...event,
                details: event.details ?? undefined
            }
        });
    }
    /** Deletes up to `batch` events that occurred before `cutoff`; returns how many. */ async purgeOlderThan(cutoff, batch) {
        return this.prisma.$executeRaw`
      DELETE FROM audit_events WHERE id IN (
        SELECT id FROM audit_events WHERE occurred_at < ${cutoff}::timestamptz LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)`;
    }
    async list(filter, cursor, take) {
        const rows = await this.prisma.auditEvent.findMany({
            where: {
                actorType: filter.actorType,
                actor: filter.actor,
                actorId: filter.actorId,
                action: filter.action,
                objectType: filter.objectType,
                objectId: filter.objectId,
                outcome: filter.outcome,
                occurredAt: {
                    gte: filter.from,
                    lt: filter.to
                },
                ...(0, _cursor.afterCursor)('occurredAt', cursor)
            },
            orderBy: [
                {
                    occurredAt: 'desc'
                },
                {
                    id: 'desc'
                }
            ],
            take
        });
        return rows.map((row)=>({
                ...row,
                actorType: row.actorType,
                outcome: row.outcome,
                details: row.details
            }));
    }
};
AuditEventsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], AuditEventsRepository);

//# sourceMappingURL=audit-events.repository.js.map
