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
    get BoundedPool () {
        return BoundedPool;
    },
    get KEEPALIVE_MS () {
        return KEEPALIVE_MS;
    },
    get PoolCircuit () {
        return PoolCircuit;
    },
    get endWithin () {
        return endWithin;
    },
    get notAnswering () {
        return notAnswering;
    }
});
const _common = require("@nestjs/common");
const _pg = require("pg");
const KEEPALIVE_MS = 10_000;
/**
 * A statement not answered this long after the server should have cancelled it means the server
 * is not answering at all (stalled, frozen, blackholed): its connection is dropped.
 */ const ANSWER_GRACE_MS = 500;
/** While the circuit is open, how often a fresh connection tries `SELECT 1`. */ const PROBE_INTERVAL_MS = 250;
function notAnswering(message) {
    return Object.assign(new Error(message), {
        code: 'ETIMEDOUT',
        syscall: 'read',
        errno: -110
    });
}
let PoolCircuit = class PoolCircuit {
    probe;
    logger = new _common.Logger('DatabasePool');
    reason;
    waiters = new Set();
    stopped = false;
    constructor(probe){
        this.probe = probe;
    }
    /** The error new work fails with while the circuit is open. */ get openError() {
        return this.reason;
    }
    /** Calls `release` if the circuit opens before the returned function is called. */ whileWaiting(release) {
        this.waiters.add(release);
        return ()=>this.waiters.delete(release);
    }
    trip(cause) {
        if (this.reason || this.stopped) return;
        const reason = notAnswering(`The database is not answering (${cause.message}).`);
        this.reason = reason;
        for (const release of this.waiters)release(reason);
        this.waiters.clear();
        this.logger.warn(`Circuit open: ${cause.message}; new work fails at once until PostgreSQL answers`);
        void this.probeUntilAnswered();
    }
    stop() {
        this.stopped = true;
    }
    async probeUntilAnswered() {
        while(!this.stopped){
            if (await this.probe().then(()=>true, ()=>false)) {
                this.reason = undefined;
                this.logger.log('Circuit closed: PostgreSQL answers again');
                return;
            }
            await new Promise((resolve)=>setTimeout(resolve, PROBE_INTERVAL_MS).unref());
        }
    }
};
async function endWithin(client, graceMs) {
    const drop = setTimeout(()=>client.connection.stream.destroy(), graceMs);
    await client.end().catch(()=>undefined);
    clearTimeout(drop);
}
/** Errors of getting a connection that say the server is not there or not answering. */ function isUnanswered(error) {
    const code = error.code;
    return code === 'ETIMEDOUT' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || /connection timeout|Connection terminated/i.test(error.message);
}
let BoundedPool = class BoundedPool extends _pg.Pool {
    circuit;
    constructor(config, timeouts){
        const circuit = new PoolCircuit(()=>probe(config.connectionString, timeouts));
        super({
            ...config,
            Client: boundedClient(timeouts, (error)=>circuit.trip(error)),
            statement_timeout: timeouts.statementMs,
            keepAlive: true,
            keepAliveInitialDelayMillis: KEEPALIVE_MS
        });
        this.circuit = circuit;
    }
    connect(callback) {
        const acquired = this.acquire();
        if (!callback) return acquired;
        acquired.then((client)=>callback(undefined, client, (release)=>client.release(release)), (error)=>callback(error, undefined, ()=>undefined));
    }
    async end() {
        this.circuit.stop();
        await super.end();
    }
    acquire() {
        const open = this.circuit.openError;
        if (open) return Promise.reject(open);
        return new Promise((resolve, reject)=>{
            const stopWaiting = this.circuit.whileWaiting(reject);
            super.connect().then(// Released by the circuit meanwhile: the connection goes back to the pool.
            (client)=>stopWaiting() ? resolve(client) : client.release(), (error)=>{
                if (!stopWaiting()) return;
                if (isUnanswered(error)) this.circuit.trip(error);
                // A bare pg error ("Connection terminated due to connection timeout") would be a 500 through Prisma.
                reject(error.code ? error : notAnswering(error.message));
            });
        });
    }
};
/**
 * pg's own query_timeout gives up on a statement but keeps its connection, which stays stuck
 * behind it: here the connection is destroyed, failing the statement (and any queued behind it)
 * with a socket timeout, and the pool replaces it.
 */ function boundedClient(timeouts, onUnanswered) {
    const answerMs = timeouts.statementMs + ANSWER_GRACE_MS;
    return class BoundedClient extends _pg.Client {
        // Here rather than on the pool, where it would also bound the wait for a free connection:
        // a healthy database under a burst may keep the pool busy longer, and the circuit releases
        // those waiting as soon as it opens.
        constructor(config){
            super({
                ...config,
                connectionTimeoutMillis: timeouts.connectMs
            });
        }
        // pg's overloads (promise, callback, submittable) are kept as they are: only timed.
        query(...args) {
            const timer = setTimeout(()=>{
                const error = notAnswering(`no answer within ${answerMs} ms`);
                onUnanswered(error);
                this.connection.stream.destroy(error);
            }, answerMs);
            const stop = ()=>clearTimeout(timer);
            const at = args.findIndex((arg)=>typeof arg === 'function');
            if (at >= 0) {
                const callback = args[at];
                args[at] = (...results)=>{
                    stop();
                    callback(...results);
                };
            }
            const result = super.query(...args);
            if (result instanceof Promise) result.then(stop, stop);
            else if (at < 0) stop(); // a submittable (a cursor, a stream): not bounded here
            return result;
        }
    };
}
/** One fresh connection's `SELECT 1`, bounded like the pool's. */ async function probe(connectionString, timeouts) {
    const config = {
        connectionString,
        connectionTimeoutMillis: timeouts.connectMs,
        query_timeout: timeouts.statementMs
    };
    const client = new _pg.Client(config);
    client.on('error', ()=>undefined);
    try {
        await client.connect();
        await client.query('SELECT 1');
    } finally{
        await endWithin(client, timeouts.connectMs);
    }
}

//# sourceMappingURL=bounded-pool.js.map
