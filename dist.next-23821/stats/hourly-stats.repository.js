"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HourlyStatsRepository", {
    enumerable: true,
    get: function() {
        return HourlyStatsRepository;
    }
});
const _common = require("@nestjs/common");
const _appliedflushes = require("../database/applied-flushes");
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
let HourlyStatsRepository = class HourlyStatsRepository {
    prisma;
    constructor(prisma){
        this.prisma = prisma;
    }
    /**
   * Adds a batch of counts in one statement. Rows are written (and locked) in key order, so two
   * flushes adding to the same rows wait for each other instead of deadlocking. With a
   * `flushId`, the batch is added only the first time that id is written (CLAIM_FLUSH).
   */ async add(counts, flushId = null) {
        await this.prisma.$executeRawUnsafe(`WITH ${_appliedflushes.CLAIM_FLUSH}
      INSERT INTO hourly_stats (hour, metric, count)
      SELECT c.hour, c.metric, c.count FROM jsonb_to_recordset($1::jsonb) AS c(hour timestamptz, metric text, count int)
       WHERE $2::uuid IS NULL OR EXISTS (SELECT 1 FROM claim)
       ORDER BY c.hour, c.metric
      ON CONFLICT (hour, metric) DO UPDATE SET count = hourly_stats.count + EXCLUDED.count`, JSON.stringify(counts), flushId);
    }
    /** Every count of the hours in [from, to), by primary key order. */ between(from, to) {
        return this.prisma.hourlyStat.findMany({
            where: {
                hour: {
                    gte: from,
                    lt: to
                }
            },
            orderBy: [
                {
                    hour: 'asc'
                },
                {
                    metric: 'asc'
                }
            ]
        });
    }
    /** Deletes the hours before `before`; returns how many rows went. A few rows an hour: one statement is enough. */ purgeBefore(before) {
        return this.prisma.$executeRaw`DELETE FROM hourly_stats WHERE hour < ${before}::timestamptz`;
    }
};
HourlyStatsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService
    ])
], HourlyStatsRepository);

//# sourceMappingURL=hourly-stats.repository.js.map
