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
    get DEFAULT_PAGE_SIZE () {
        return DEFAULT_PAGE_SIZE;
    },
    get afterCursor () {
        return afterCursor;
    },
    get decodeCursor () {
        return decodeCursor;
    },
    get encodeCursor () {
        return encodeCursor;
    },
    get fetchPage () {
        return fetchPage;
    },
    get inBatches () {
        return inBatches;
    }
});
const _classvalidator = require("class-validator");
const _apperror = require("./app-error");
const _timestamps = require("./timestamps");
function encodeCursor(cursor) {
    return Buffer.from(JSON.stringify([
        cursor.at.toISOString(),
        cursor.id
    ])).toString('base64url');
}
function decodeCursor(value) {
    if (value === undefined) return undefined;
    try {
        const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        // Decoded values reach the query: only what encodeCursor writes, and the database can compare.
        const date = new Date(at);
        const valid = typeof id === 'string' && (0, _classvalidator.isUUID)(id, 'all') && (0, _timestamps.isStorableTime)(date.getTime()) && date.toISOString() === at;
        if (!valid) throw new Error('bad cursor');
        return {
            at: date,
            id
        };
    } catch  {
        throw _apperror.AppError.invalidField('cursor', 'is not a cursor returned by this API');
    }
}
function afterCursor(field, cursor) {
    if (!cursor) return {};
    return {
        OR: [
            {
                [field]: {
                    lt: cursor.at
                }
            },
            {
                [field]: cursor.at,
                id: {
                    lt: cursor.id
                }
            }
        ]
    };
}
const DEFAULT_PAGE_SIZE = 100;
async function fetchPage(query, fetch, cursorOf) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await fetch(decodeCursor(query.cursor), limit + 1);
    const data = rows.slice(0, limit);
    return {
        data,
        nextCursor: rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1])) : null
    };
}
async function* inBatches(start, batch, fetch, cursorOf) {
    let cursor = decodeCursor(start);
    for(;;){
        const rows = await fetch(cursor, batch);
        if (rows.length) yield rows;
        if (rows.length < batch) return;
        cursor = cursorOf(rows[rows.length - 1]);
    }
}

//# sourceMappingURL=cursor.js.map
