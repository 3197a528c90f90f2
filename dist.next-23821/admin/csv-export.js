"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "streamCsv", {
    enumerable: true,
    get: function() {
        return streamCsv;
    }
});
const _csvstringify = require("csv-stringify");
const _nodestream = require("node:stream");
const _promises = require("node:stream/promises");
async function streamCsv(res, filename, batches, columns, toRow) {
    const first = await batches.next();
    res.status(200).set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`
    });
    async function* rows() {
        for(let batch = first; !batch.done; batch = await batches.next()){
            for (const item of batch.value)yield toRow(item);
        }
    }
    // Cells carry text others chose (camera names, user agents, reasons): one starting with
    // = + - @ tab or CR would run as a spreadsheet formula, so it gets a leading '.
    await (0, _promises.pipeline)(_nodestream.Readable.from(rows()), (0, _csvstringify.stringify)({
        header: true,
        columns: [
            ...columns
        ],
        escape_formulas: true
    }), res);
}

//# sourceMappingURL=csv-export.js.map
