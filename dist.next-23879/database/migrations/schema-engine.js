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
    get LOCKFILE_CONTENT () {
        return LOCKFILE_CONTENT;
    },
    get LOCKFILE_NAME () {
        return LOCKFILE_NAME;
    },
    get MIGRATIONS_DIR () {
        return MIGRATIONS_DIR;
    },
    get PRISMA_DIR () {
        return PRISMA_DIR;
    },
    get SCHEMA_PATH () {
        return SCHEMA_PATH;
    },
    get applyMigrations () {
        return applyMigrations;
    },
    get diffMigrationsToSchema () {
        return diffMigrationsToSchema;
    },
    get pendingMigrations () {
        return pendingMigrations;
    },
    get readMigrations () {
        return readMigrations;
    },
    get releaseEngine () {
        return releaseEngine;
    }
});
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _driveradapterutils = require("@prisma/driver-adapter-utils");
const PRISMA_DIR = (0, _nodepath.join)(__dirname, '..', '..', '..', 'prisma');
const SCHEMA_PATH = (0, _nodepath.join)(PRISMA_DIR, 'schema.prisma');
const MIGRATIONS_DIR = (0, _nodepath.join)(PRISMA_DIR, 'migrations');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTERS = {
    externalTables: [],
    externalEnums: []
};
/** What the engine writes, instead of nothing, when there is nothing to migrate. */ const EMPTY_DIFF = '-- This is an empty migration.';
const { WebAssembly } = globalThis;
let gluePromise;
/** Instantiates the WASM module once per process, without --experimental-wasm-modules. */ function loadGlue() {
    gluePromise ??= (async ()=>{
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS glue file loaded by path, not an ES module
        const glue = require('@prisma/schema-engine-wasm/schema_engine_bg');
        const wasmPath = (0, _nodepath.join)((0, _nodepath.dirname)(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
        const imports = {
            ...glue
        };
        // The engine arms timers (a 10 s idle timeout) that would keep one-shot scripts alive.
        for (const name of Object.keys(glue).filter((key)=>key.startsWith('__wbg_setTimeout_'))){
            const arm = glue[name];
            imports[name] = (...args)=>arm(...args).unref();
        }
        const { instance } = await WebAssembly.instantiate(await (0, _promises.readFile)(wasmPath), {
            './schema_engine_bg.js': imports
        });
        glue.__wbg_set_wasm(instance.exports);
        instance.exports.__wbindgen_start();
        return glue;
    })();
    return gluePromise;
}
function releaseEngine() {
    gluePromise = undefined;
    delete require.cache[require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')];
}
async function pendingMigrations(applied, dir = MIGRATIONS_DIR) {
    const { migrationDirectories } = await readMigrations(dir);
    return migrationDirectories.map((migration)=>migration.path).filter((name)=>!applied.includes(name));
}
async function withEngine(factory, run) {
    const glue = await loadGlue();
    const schema = await (0, _promises.readFile)(SCHEMA_PATH, 'utf8');
    const engine = await glue.SchemaEngine.new({
        datamodels: [
            [
                SCHEMA_PATH,
                schema
            ]
        ]
    }, ()=>undefined, (0, _driveradapterutils.bindMigrationAwareSqlAdapterFactory)(factory));
    try {
        return await run(engine);
    } finally{
        engine.free();
    }
}
async function readMigrations(dir = MIGRATIONS_DIR) {
    const entries = await (0, _promises.readdir)(dir, {
        withFileTypes: true
    }).catch(()=>[]);
    const folders = entries.filter((entry)=>entry.isDirectory()).map((entry)=>entry.name).sort();
    const lockfile = await (0, _promises.readFile)((0, _nodepath.join)(dir, LOCKFILE), 'utf8').catch(()=>null);
    return {
        baseDir: dir,
        lockfile: {
            path: LOCKFILE,
            content: lockfile
        },
        shadowDbInitScript: '',
        migrationDirectories: await Promise.all(folders.map(async (folder)=>({
                path: folder,
                migrationFile: {
                    path: 'migration.sql',
                    content: {
                        tag: 'ok',
                        value: await (0, _promises.readFile)((0, _nodepath.join)(dir, folder, 'migration.sql'), 'utf8')
                    }
                }
            })))
    };
}
function applyMigrations(factory, dir = MIGRATIONS_DIR) {
    return withEngine(factory, async (engine)=>{
        const { appliedMigrationNames } = await engine.applyMigrations({
            migrationsList: await readMigrations(dir),
            filters: NO_FILTERS
        });
        return appliedMigrationNames;
    });
}
function diffMigrationsToSchema(factory, dir = MIGRATIONS_DIR) {
    return withEngine(factory, async (engine)=>{
        const schema = await (0, _promises.readFile)(SCHEMA_PATH, 'utf8');
        const result = await engine.diff({
            from: {
                tag: 'migrations',
                ...await readMigrations(dir)
            },
            to: {
                tag: 'schemaDatamodel',
                files: [
                    {
                        path: SCHEMA_PATH,
                        content: schema
                    }
                ]
            },
            script: true,
            exitCode: null,
            filters: NO_FILTERS
        });
        const sql = result.stdout ?? '';
        return sql.trim() === EMPTY_DIFF ? '' : sql;
    });
}
const LOCKFILE_CONTENT = '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n';
const LOCKFILE_NAME = LOCKFILE;

//# sourceMappingURL=schema-engine.js.map
