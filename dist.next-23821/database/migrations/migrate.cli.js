"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _databasetarget = require("../../config/database-target");
const _adapterfactory = require("../adapter-factory");
const _appconfig = require("../../config/app-config");
const _schemaengine = require("./schema-engine");
/** `npm run db:migrate`: applies prisma/migrations to the configured database. */ async function main() {
    const { database } = (0, _appconfig.loadConfigOrExit)();
    // Without the server's statement timeout: building an index on a large table may take minutes.
    const db = await (0, _adapterfactory.openDatabase)(database.kind === 'postgres' ? {
        ...database,
        timeouts: undefined
    } : database);
    try {
        const applied = await (0, _schemaengine.applyMigrations)(db.factory);
        console.log(`${(0, _databasetarget.describeTarget)(database)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`);
    } finally{
        await db.close();
    }
}
main().catch((error)=>{
    console.error(`Migration failed: ${error.message}`);
    process.exit(1);
});

//# sourceMappingURL=migrate.cli.js.map
