"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "OverviewService", {
    enumerable: true,
    get: function() {
        return OverviewService;
    }
});
const _common = require("@nestjs/common");
const _issuedlinksrepository = require("../links/issued-links.repository");
const _hourlystats = require("../stats/hourly-stats");
const _hourlystatsrepository = require("../stats/hourly-stats.repository");
const _charts = require("./charts");
const _refusalreasons = require("./refusal-reasons");
const _timestamps = require("../common/timestamps");
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
let OverviewService = class OverviewService {
    stats;
    links;
    constructor(stats, links){
        this.stats = stats;
        this.links = links;
    }
    async overview(now) {
        const thisHour = (0, _hourlystats.hourOf)(now);
        const today = new Date(Math.floor(now.getTime() / _timestamps.DAY_MS) * _timestamps.DAY_MS);
        const hoursFrom = new Date(thisHour.getTime() - 23 * _timestamps.HOUR_MS);
        const daysFrom = new Date(today.getTime() - (_hourlystats.OVERVIEW_DAYS - 1) * _timestamps.DAY_MS);
        const [counts, busiest, rows] = await Promise.all([
            this.links.countByState(now),
            this.links.busiest(new Date(now.getTime() - _timestamps.DAY_MS), 5),
            this.stats.between(daysFrom, new Date(thisHour.getTime() + _timestamps.HOUR_MS))
        ]);
        const hours = buckets(rows, hoursFrom, 24, _timestamps.HOUR_MS, (at)=>`${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 13)}:00`, (at)=>`${dayOf(at)} ${at.toISOString().slice(11, 13)}:00`);
        const days = buckets(rows, daysFrom, _hourlystats.OVERVIEW_DAYS, _timestamps.DAY_MS, (at)=>at.toISOString().slice(0, 10), dayOf);
        const decisions = decisionSeries(rows);
        return {
            issuedHourly: (0, _charts.barChart)('Links issued per hour, last 24 hours (UTC)', hours, [
                'issued'
            ]),
            decisionsHourly: (0, _charts.barChart)('Verification decisions per hour, last 24 hours (UTC)', hours, decisions, _refusalreasons.decisionInWords),
            issuedDaily: (0, _charts.barChart)('Links issued per day, last 30 days (UTC)', days, [
                'issued'
            ]),
            decisionsDaily: (0, _charts.barChart)('Verification decisions per day, last 30 days (UTC)', days, decisions, _refusalreasons.decisionInWords),
            counts,
            busiest
        };
    }
};
OverviewService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _hourlystatsrepository.HourlyStatsRepository === "undefined" ? Object : _hourlystatsrepository.HourlyStatsRepository,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], OverviewService);
const MONTHS = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec'
];
/** An axis's date: `Dec 7` (UTC, as the charts' titles say). */ function dayOf(at) {
    return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}`;
}
/** `allowed` first, then each refusal reason seen, by name. */ function decisionSeries(rows) {
    const refused = [
        ...new Set(rows.map((row)=>row.metric).filter((metric)=>metric.startsWith('refused:')))
    ].sort();
    return [
        'allowed',
        ...refused
    ];
}
function buckets(rows, from, count, size, label, tick) {
    const result = Array.from({
        length: count
    }, (_, i)=>{
        const at = new Date(from.getTime() + i * size);
        return {
            label: label(at),
            tick: tick(at),
            counts: {}
        };
    });
    for (const row of rows){
        const bucket = result[Math.floor((row.hour.getTime() - from.getTime()) / size)];
        if (bucket) bucket.counts[row.metric] = (bucket.counts[row.metric] ?? 0) + row.count;
    }
    return result;
}

//# sourceMappingURL=overview.service.js.map
