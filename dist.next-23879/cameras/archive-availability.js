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
    get availableArchive () {
        return availableArchive;
    },
    get covers () {
        return covers;
    },
    get startAt () {
        return startAt;
    }
});
const _timestamps = require("../common/timestamps");
function availableArchive(retentionDays, stored, now) {
    if (stored.length) {
        return stored.filter((range)=>range.from < now).map((range)=>({
                from: range.from,
                to: range.to < now ? range.to : now
            })).sort((a, b)=>a.from.getTime() - b.from.getTime());
    }
    return retentionDays > 0 ? [
        {
            from: new Date(now.getTime() - retentionDays * _timestamps.DAY_MS),
            to: now
        }
    ] : [];
}
function startAt(ranges, requested) {
    const range = ranges.find((r)=>r.to > requested);
    if (!range) return undefined;
    return requested >= range.from ? {
        from: requested
    } : {
        from: range.from,
        movedTo: range.from
    };
}
function covers(ranges, from, to) {
    return ranges.some((range)=>range.from <= from && to <= range.to);
}

//# sourceMappingURL=archive-availability.js.map
