"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _adapterfactory = require("../adapter-factory");
const _schemaengine = require("./schema-engine");
/**
 * `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the committed migrations to schema.prisma. The diff runs on an
 * in-memory PGlite, so it needs no database server and touches no data.
 */ async function main() {
    const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    if (!name) throw new Error('usage: npm run db:migration:create -- <name>');
    await (0, _promises.mkdir)(_schemaengine.MIGRATIONS_DIR, {
        recursive: true
    });
    await (0, _promises.writeFile)((0, _nodepath.join)(_schemaengine.MIGRATIONS_DIR, _schemaengine.LOCKFILE_NAME), _schemaengine.LOCKFILE_CONTENT);
    const db = await (0, _adapterfactory.openDatabase)({
        kind: 'embedded',
        dataDir: 'memory://'
    });
    try {
        const sql = await (0, _schemaengine.diffMigrationsToSchema)(db.factory);
        if (!sql.trim()) {
            console.log('schema.prisma matches the migrations: nothing to create.');
            return;
        }
        const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
        const folder = (0, _nodepath.join)(_schemaengine.MIGRATIONS_DIR, `${stamp}_${name}`);
        await (0, _promises.mkdir)(folder);
        await (0, _promises.writeFile)((0, _nodepath.join)(folder, 'migration.sql'), sql);
        console.log(`Created ${folder}/migration.sql`);
    } finally{
        await db.close();
    }
}
main().catch((error)=>{
    console.error(error.message);
    process.exit(1);
});

//# sourceMappingURL=create-migration.cli.js.map
