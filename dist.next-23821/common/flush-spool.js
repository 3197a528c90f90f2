"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "FlushSpool", {
    enumerable: true,
    get: function() {
        return FlushSpool;
    }
});
const _nodecrypto = require("node:crypto");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Times went out as ISO strings; they come back as Dates, as the counters hold them. */ const reviveTimes = (_key, value)=>typeof value === 'string' && ISO_TIME.test(value) ? new Date(value) : value;
let FlushSpool = class FlushSpool {
    dir;
    name;
    database;
    constructor(dir, name, database){
        this.dir = dir;
        this.name = name;
        this.database = database;
    }
    async append(id, items) {
        await (0, _promises.mkdir)(this.dir, {
            recursive: true,
            mode: 0o700
        });
        const file = (0, _nodepath.join)(this.dir, `${this.name}-${Date.now()}-${id}.json`);
        const temporary = `${file}.${(0, _nodecrypto.randomUUID)()}.tmp`;
        const entry = {
            id,
            database: this.database,
            items
        };
        const handle = await (0, _promises.open)(temporary, 'wx', 0o600);
        try {
            await handle.writeFile(JSON.stringify(entry));
            await handle.sync();
        } finally{
            await handle.close();
        }
        await (0, _promises.rename)(temporary, file);
        const folder = await (0, _promises.open)(this.dir, 'r');
        await folder.sync().finally(()=>folder.close());
    }
    /** Entries of this spool's database, oldest first, each with its removal. */ async entries() {
        const names = await (0, _promises.readdir)(this.dir).catch((error)=>error.code === 'ENOENT' ? [] : Promise.reject(error));
        const mine = names.filter((file)=>file.startsWith(`${this.name}-`) && file.endsWith('.json')).sort();
        const entries = await Promise.all(mine.map(async (file)=>{
            const path = (0, _nodepath.join)(this.dir, file);
            const entry = JSON.parse(await (0, _promises.readFile)(path, 'utf8'), reviveTimes);
            return {
                ...entry,
                remove: ()=>(0, _promises.unlink)(path)
            };
        }));
        return entries.filter((entry)=>entry.database === this.database);
    }
};

//# sourceMappingURL=flush-spool.js.map
