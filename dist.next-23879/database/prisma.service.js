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
    get DATABASE_CONNECTION () {
        return DATABASE_CONNECTION;
    },
    get PrismaService () {
        return PrismaService;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _client = require("../generated/prisma/client");
const _startuperror = require("../common/startup-error");
const _migrationcheck = require("./migration-check");
const _schemaengine = require("./migrations/schema-engine");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');
let PrismaService = class PrismaService extends _client.PrismaClient {
    connection;
    config;
    logger = new _common.Logger(PrismaService.name);
    constructor(connection, config){
        super({
            adapter: connection.factory
        }), this.connection = connection, this.config = config;
    }
    /** The code's migrations and the tables they create (read once: they do not change under a running process). */ expected;
    async onModuleInit() {
        const applied = await (0, _migrationcheck.appliedMigrations)(this.connection.sql).catch((error)=>Promise.reject((0, _migrationcheck.unreachable)(error, this.config.database)));
        // The embedded database has no operator to run `npm run db:migrate`: it migrates itself.
        // The engine (WebAssembly) is loaded only when there is something to apply, and let go after.
        if (this.config.database.kind === 'embedded' && (await (0, _schemaengine.pendingMigrations)(applied)).length) {
            const done = await (0, _schemaengine.applyMigrations)(this.connection.factory);
            (0, _schemaengine.releaseEngine)();
            if (done.length) this.logger.log(`Applied migrations: ${done.join(', ')}`);
        }
        // Serving on a database without the code's tables (or with a newer camlinks' ones) answers 500s: refuse to start.
        const problem = await this.migrationProblem();
        if (problem) throw new _startuperror.StartupError(problem);
        await this.$connect();
    }
    /** Why the database's migrations are not exactly the code's, or undefined; also the readiness probe's check. */ async migrationProblem() {
        this.expected ??= (0, _schemaengine.readMigrations)().then(({ migrationDirectories })=>({
                migrations: migrationDirectories.map((migration)=>migration.path),
                tables: (0, _migrationcheck.tablesOf)(migrationDirectories.map(({ migrationFile })=>migrationFile.content.tag === 'ok' ? migrationFile.content.value : ''))
            }));
        const { migrations, tables } = await this.expected;
        const [applied, existing] = await Promise.all([
            (0, _migrationcheck.appliedMigrations)(this.connection.sql),
            (0, _migrationcheck.existingTables)(this.connection.sql)
        ]);
        const missingTables = tables.filter((table)=>!existing.includes(table));
        return (0, _migrationcheck.migrationMismatch)(applied, migrations, missingTables, this.config.database);
    }
    /** The last shutdown phase: others flush their writes in beforeApplicationShutdown. */ async onApplicationShutdown() {
        await this.$disconnect();
        await this.connection.close();
    }
};
PrismaService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(DATABASE_CONNECTION)),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], PrismaService);

//# sourceMappingURL=prisma.service.js.map
