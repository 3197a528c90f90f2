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
    get DAY_MS () {
        return DAY_MS;
    },
    get HOUR_MS () {
        return HOUR_MS;
    },
    get formatTimestamp () {
        return formatTimestamp;
    },
    get isStorableTime () {
        return isStorableTime;
    },
    get parseOptionalDate () {
        return parseOptionalDate;
    }
});
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
function formatTimestamp(date) {
    return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
function parseOptionalDate(value) {
    return typeof value === 'string' ? new Date(value) : value;
}
/** The instants PostgreSQL and `toISOString()` agree on: years 0001 to 9999 in UTC. */ const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
function isStorableTime(time) {
    return time >= EARLIEST && time <= LATEST;
}

//# sourceMappingURL=timestamps.js.map
