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
    get LISTENER_APPLICATION_NAME () {
        return LISTENER_APPLICATION_NAME;
    },
    get LOCK_APPLICATION_NAME () {
        return LOCK_APPLICATION_NAME;
    },
    get PGLITE_OPTIONS () {
        return PGLITE_OPTIONS;
    },
    get embeddedDatabase () {
        return embeddedDatabase;
    },
    get openDatabase () {
        return openDatabase;
    }
});
const _nodechild_process = require("node:child_process");
const _nodefs = require("node:fs");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _nodeutil = require("node:util");
const _pglite = require("@electric-sql/pglite");
const _adapterpg = require("@prisma/adapter-pg");
const _pg = require("pg");
const _pgliteprismaadapter = require("pglite-prisma-adapter");
const _boundedpool = require("./bounded-pool");
const _datadirlock = require("./data-dir-lock");
async function openDatabase(target) {
    if (target.kind === 'postgres') {
        // One pool shared by the client and the migration engine, ended exactly once by close().
        // allowExitOnIdle: one-shot scripts (migrate, seed) end even if an error skips close().
        const config = {
            connectionString: target.url,
            max: target.poolSize,
            allowExitOnIdle: true
        };
        const pool = target.timeouts ? new _boundedpool.BoundedPool(config, target.timeouts) : new _pg.Pool(config);
        // An idle connection dropped by the server (restart, failover, terminate) must not crash
        // the process: the pool discards it and the next query opens a new one. Prisma's own
        // listener goes away with $disconnect, so this one stays for the pool's whole life.
        pool.on('error', ()=>undefined);
        const locks = {};
        return {
            factory: new WholeScriptPg(pool),
            sql: {
                query: async (statement, values)=>(await pool.query({
                        ...statement,
                        values
                    })).rows
            },
            listen: (...args)=>listenOnPostgres(target.url, ...args),
            tryAdvisoryLock: (key, onLost)=>{
                const lock = locks[key] ??= new AdvisoryLockOnPostgres(target.url, key);
                return lock.tryLock(onLost);
            },
            notify: async (channel, payload)=>void await pool.query('SELECT pg_notify($1, $2)', [
                    channel,
                    payload
                ]),
            close: async ()=>{
                await Promise.all(Object.values(locks).map((lock)=>lock.close()));
                await pool.end();
            },
            poolState: ()=>({
                    total: pool.totalCount,
                    idle: pool.idleCount,
                    waiting: pool.waitingCount
                })
        };
    }
    if (target.dataDir === 'memory://') return embeddedDatabase(await openPGlite(target.dataDir));
    const unlock = await (0, _datadirlock.lockDataDir)(target.dataDir);
    let pglite;
    try {
        pglite = await openPGlite(target.dataDir);
    } catch (error) {
        await unlock();
        throw error;
    }
    const database = embeddedDatabase(pglite);
    return {
        ...database,
        close: ()=>database.close().finally(unlock)
    };
}
function embeddedDatabase(pglite) {
    return {
        factory: new WholeScriptPGlite(pglite),
        // PGlite has one connection and prepares nothing by name; its query() is the extended protocol with bound parameters.
        sql: {
            query: async (statement, values)=>(await pglite.query(statement.text, values)).rows
        },
        listen: async (channel, onMessage)=>pglite.listen(channel, onMessage),
        close: ()=>pglite.close()
    };
}
const LISTENER_APPLICATION_NAME = 'camlinks-listener';
/** A connection attempt or LISTEN that takes longer has failed (and is retried). */ const LISTENER_CONNECT_TIMEOUT_MS = 5_000;
/** How long closing waits for the server to acknowledge; a connection nobody answers on is dropped. */ const LISTENER_CLOSE_GRACE_MS = 1_000;
const LOCK_APPLICATION_NAME = 'camlinks-leader';
/** How often the lock's connection proves it is alive: a dead one means the lock is gone too. */ const LOCK_KEEPALIVE_MS = 2_000;
/**
 * A connection of its own, outside the pool, that stays open while idle (TCP keepalive) and tells
 * `onLost` once when it drops; `close` ends it without telling.
 */ async function dedicatedConnection(url, applicationName, onLost) {
    const client = new _pg.Client({
        connectionString: url,
        application_name: applicationName,
        keepAlive: true,
        // The heartbeat (DatabaseChanges) is what notices a dead listener within seconds; keepalive keeps it open.
        keepAliveInitialDelayMillis: _boundedpool.KEEPALIVE_MS,
        connectionTimeoutMillis: LISTENER_CONNECT_TIMEOUT_MS,
        query_timeout: LISTENER_CONNECT_TIMEOUT_MS
    });
    let closing = false;
    const close = async ()=>{
        closing = true;
        await (0, _boundedpool.endWithin)(client, LISTENER_CLOSE_GRACE_MS);
    };
    const lost = (error)=>{
        if (closing) return;
        void close();
        onLost(error);
    };
    client.on('error', lost);
    client.on('end', ()=>lost(new Error('connection ended')));
    try {
        await client.connect();
    } catch (error) {
        await close(); // the caller retries; onLost must not schedule a second retry
        throw error;
    }
    return {
        client,
        close
    };
}
async function listenOnPostgres(url, channel, onMessage, onLost) {
    const { client, close } = await dedicatedConnection(url, LISTENER_APPLICATION_NAME, onLost);
    client.on('notification', (message)=>message.channel === channel && onMessage(message.payload ?? ''));
    try {
        await client.query(`LISTEN "${channel}"`);
    } catch (error) {
        await close();
        throw error;
    }
    return close;
}
/**
 * One advisory lock, tried for on one connection kept between tries (an instance that waits for
 * the lock does not open a connection per try). The lock lives as long as that connection: when
 * the holder dies (even by SIGKILL) PostgreSQL ends it and releases the lock, so another
 * instance takes it at its next try.
 */ let AdvisoryLockOnPostgres = class AdvisoryLockOnPostgres {
    url;
    key;
    connection;
    keepalive;
    held = false;
    constructor(url, key){
        this.url = url;
        this.key = key;
    }
    async tryLock(onLost) {
        // Told once, and only of a lock that was held: the connection's own error and a failed
        // keepalive may both report the one loss.
        const lose = (error)=>{
            clearInterval(this.keepalive);
            this.connection = undefined;
            if (this.held) onLost(error);
            this.held = false;
        };
        this.connection ??= dedicatedConnection(this.url, LOCK_APPLICATION_NAME, lose);
        const connection = this.connection;
        const { client, close } = await connection.catch((error)=>{
            this.connection = undefined;
            throw error;
        });
        const release = async ()=>{
            this.held = false;
            clearInterval(this.keepalive);
            if (this.connection === connection) this.connection = undefined;
            await close();
        };
        try {
            this.held = (await client.query('SELECT pg_try_advisory_lock($1) AS held', [
                this.key
            ])).rows[0].held;
        } catch (error) {
            await release();
            throw error;
        }
        if (!this.held) return null;
        this.keepalive = setInterval(()=>{
            client.query('SELECT 1').catch((error)=>{
                lose(error);
                void release();
            });
        }, LOCK_KEEPALIVE_MS);
        this.keepalive.unref();
        return release;
    }
    /** Ends the connection, held or waiting (at shutdown: a waiting one would keep the process alive). */ async close() {
        this.held = false;
        clearInterval(this.keepalive);
        const connection = this.connection;
        this.connection = undefined;
        await (await connection?.catch(()=>undefined))?.close();
    }
};
const PGLITE_OPTIONS = {
    postgresqlconf: [
        'shared_buffers=16MB'
    ]
};
async function openPGlite(dataDir) {
    try {
        if (dataDir !== 'memory://') {
            process.umask(0o077);
            if (!(0, _nodefs.existsSync)((0, _nodepath.join)(dataDir, 'PG_VERSION'))) await createCluster(dataDir);
            await (0, _promises.chmod)(dataDir, 0o700);
        }
        const db = new _pglite.PGlite(dataDir === 'memory://' ? undefined : dataDir, PGLITE_OPTIONS);
        await db.waitReady;
        if (dataDir !== 'memory://') await ownerOnly(dataDir);
        return db;
    } catch (error) {
        throw new Error(`The embedded database in ${dataDir} could not be opened (${error.message}). ` + 'It may have been written by another PGlite major version; this camlinks uses PGlite 0.5 ' + '(PostgreSQL 18 data). Move the directory aside to start fresh, or set DATABASE_URL.', {
            cause: error
        });
    }
}
/**
 * A new data folder is created (initdb) in a short-lived child process: PGlite 0.5 keeps the
 * ~450 MB of WebAssembly memory its initdb used alive in the process that ran it, which made
 * the first start of camlinks hold ~900 MB at its peak and ~470 MB at rest.
 */ async function createCluster(dataDir) {
    await (0, _promises.mkdir)(dataDir, {
        recursive: true,
        mode: 0o700
    });
    const script = `process.umask(0o077);
const { PGlite } = require(${JSON.stringify(require.resolve('@electric-sql/pglite'))});
const db = new PGlite(process.argv[1], ${JSON.stringify(PGLITE_OPTIONS)});
db.waitReady.then(() => db.close()).catch((error) => { console.error(error.message); process.exit(1); });`;
    await (0, _nodeutil.promisify)(_nodechild_process.execFile)(process.execPath, [
        '-e',
        script,
        dataDir
    ]).catch((error)=>{
        throw new Error(`initdb failed: ${error.stderr?.trim() || error.message}`, {
            cause: error
        });
    });
}
/**
 * The data folder is 0700 (with the umask at 077) before PGlite opens it, and its files are made
 * 0600 once it is open: PGlite's file system sets the modes of what it writes itself (a new
 * cluster's files 0666, the relation cache 0644) whatever the umask, and folders made by older
 * versions of camlinks are world-readable. A few ms at each start.
 */ async function ownerOnly(dataDir) {
    for (const entry of (await (0, _promises.readdir)(dataDir, {
        recursive: true,
        withFileTypes: true
    }))){
        await (0, _promises.chmod)((0, _nodepath.join)(entry.parentPath, entry.name), entry.isDirectory() ? 0o700 : 0o600);
    }
}
/**
 * Migration scripts must run as one unit. The stock adapters fall short: adapter-pg splits a
 * script at every `;` (breaking `$$` function bodies) and pglite-prisma-adapter 0.7 does not
 * await it (a failing migration would be recorded as applied). Sent whole, over the simple
 * query protocol, a script runs in one implicit transaction: all of it or none.
 */ function runScriptsWhole(adapter, run) {
    const onError = adapter.onError.bind(adapter);
    adapter.executeScript = async (script)=>{
        try {
            await run(script);
        } catch (error) {
            onError(error);
        }
    };
    return adapter;
}
let WholeScriptPg = class WholeScriptPg extends _adapterpg.PrismaPg {
    pool;
    constructor(pool){
        super(pool), this.pool = pool;
    }
    async connect() {
        return runScriptsWhole(await super.connect(), (script)=>this.pool.query(script));
    }
};
let WholeScriptPGlite = class WholeScriptPGlite extends _pgliteprismaadapter.PrismaPGlite {
    pglite;
    constructor(pglite){
        super(pglite), this.pglite = pglite;
    }
    async connect() {
        return runScriptsWhole(await super.connect(), (script)=>this.pglite.exec(script));
    }
    async connectToShadowDb() {
        const shadow = new _pglite.PGlite();
        const adapter = await new _pgliteprismaadapter.PrismaPGlite(shadow).connect();
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async ()=>{
            await dispose();
            await shadow.close();
        };
        return runScriptsWhole(adapter, (script)=>shadow.exec(script));
    }
};

//# sourceMappingURL=adapter-factory.js.map
