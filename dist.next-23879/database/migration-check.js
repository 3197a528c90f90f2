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
    get appliedMigrations () {
        return appliedMigrations;
    },
    get existingTables () {
        return existingTables;
    },
    get migrationMismatch () {
        return migrationMismatch;
    },
    get tablesOf () {
        return tablesOf;
    },
    get unreachable () {
        return unreachable;
    }
});
const _startuperror = require("../common/startup-error");
const _databasetarget = require("../config/database-target");
const APPLIED = {
    name: 'camlinks-applied-migrations',
    text: 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'
};
const TABLES = {
    name: 'camlinks-existing-tables',
    text: 'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()'
};
const UNDEFINED_TABLE = '42P01';
async function appliedMigrations(sql) {
    try {
        return (await sql.query(APPLIED, [])).map((row)=>row.migration_name);
    } catch (error) {
        if (error.code === UNDEFINED_TABLE) return [];
        throw error;
    }
}
async function existingTables(sql) {
    return (await sql.query(TABLES, [])).map((row)=>row.tablename);
}
function tablesOf(migrationScripts) {
    const tables = new Set();
    for (const script of migrationScripts){
        for (const [, verb, name] of script.matchAll(/\b(CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?"?(\w+)"?/gi)){
            if (verb.toUpperCase() === 'CREATE') tables.add(name);
            else tables.delete(name);
        }
    }
    return [
        ...tables
    ];
}
function migrationMismatch(applied, expected, missingTables, target) {
    const missing = expected.filter((name)=>!applied.includes(name));
    const unknown = applied.filter((name)=>!expected.includes(name));
    const where = (0, _databasetarget.describeTarget)(target);
    const migrate = target.kind === 'embedded' ? 'restart camlinks (the embedded database migrates itself)' : 'run `npm run db:migrate`';
    if (unknown.length) return `${where} has ${unknown.length} migration(s) this camlinks does not know (${unknown.join(', ')}): a newer camlinks migrated it. Run that version, or restore the backup taken before the upgrade (docs/OPERATIONS.md).`;
    if (missing.length === expected.length) return `${where} is not migrated (no camlinks tables): ${migrate}.`;
    if (missing.length) return `${where} lacks ${missing.length} of this camlinks' migrations (${missing.join(', ')}): ${migrate}.`;
    if (missingTables.length) return `${where} lacks table(s) its migrations created (${missingTables.join(', ')}): restore the database from a backup (docs/OPERATIONS.md).`;
    return undefined;
}
function unreachable(error, target) {
    if (target.kind !== 'postgres') return error;
    const url = new URL(target.url);
    const server = `PostgreSQL at ${url.host}`;
    const database = decodeURIComponent(url.pathname.slice(1));
    const user = decodeURIComponent(url.username) || 'postgres';
    switch(error.code){
        case '3D000':
            return new _startuperror.StartupError(`database "${database}" does not exist on ${server}: create it with \`createdb -h ${url.hostname} -p ${url.port || 5432} -U ${user} ${database}\`, then run \`npm run db:migrate\`.`);
        case '28P01':
        case '28000':
            return new _startuperror.StartupError(`${server} refused user "${user}" (${error.message}): correct the user or password in DATABASE_URL.`);
        case 'ECONNREFUSED':
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
        case 'ETIMEDOUT':
        case 'EHOSTUNREACH':
            return new _startuperror.StartupError(`${server} cannot be reached (${error.code}): start PostgreSQL, or correct the host and port in DATABASE_URL.`);
        default:
            return error;
    }
}

//# sourceMappingURL=migration-check.js.map
