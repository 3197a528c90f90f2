"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "lockDataDir", {
    enumerable: true,
    get: function() {
        return lockDataDir;
    }
});
const _nodeos = require("node:os");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _properlockfile = require("proper-lockfile");
const _startuperror = require("../common/startup-error");
/** Inside the data folder, so that whoever may write the folder may lock it (a container's volume). */ const LOCK_DIR = 'camlinks.lock';
/** Who holds the lock: `<pid> <hostname>`, for the message the next process shows. */ const HOLDER_FILE = 'camlinks.pid';
/**
 * The holder refreshes the lock every STALE_MS / 2; a lock not refreshed for STALE_MS is free.
 * That is how a crashed holder's lock (SIGKILL, power cut) is taken over, after at most this
 * long. Longer than any pause of the event loop under load, which would otherwise lose it.
 */ const STALE_MS = 10_000;
async function lockDataDir(dataDir) {
    await (0, _promises.mkdir)(dataDir, {
        recursive: true,
        mode: 0o700
    });
    const holderFile = (0, _nodepath.join)(dataDir, HOLDER_FILE);
    const options = {
        lockfilePath: (0, _nodepath.join)(dataDir, LOCK_DIR),
        stale: STALE_MS,
        realpath: false,
        onCompromised: lostLock(dataDir)
    };
    let release;
    try {
        release = await (0, _properlockfile.lock)(dataDir, options);
    } catch (error) {
        if (error.code !== 'ELOCKED') throw error;
        const holder = await readHolder(holderFile);
        if (holder?.alive !== false) throw inUse(dataDir, holder?.description);
        // Its holder is gone without removing it: wait until it is stale (at most STALE_MS), then take it.
        release = await (0, _properlockfile.lock)(dataDir, {
            ...options,
            retries: {
                retries: Math.ceil(STALE_MS * 1.5 / 1000),
                minTimeout: 1000,
                maxTimeout: 1000
            }
        }).catch((again)=>{
            throw again.code === 'ELOCKED' ? inUse(dataDir, holder.description) : again;
        });
    }
    await (0, _promises.writeFile)(holderFile, `${process.pid} ${(0, _nodeos.hostname)()}\n`, {
        mode: 0o600
    });
    return async ()=>{
        await (0, _promises.rm)(holderFile, {
            force: true
        });
        await release();
    };
}
function inUse(dataDir, holder = 'another process') {
    return new _startuperror.StartupError(`DATA_DIR ${dataDir} is in use by ${holder}: one camlinks process per data folder (two would each lose the other's writes). Stop it, or give this one another DATA_DIR.`);
}
/** What the holder file says; `alive: false` only when it names a process of this host that no longer runs. */ async function readHolder(path) {
    const [pid, host] = (await (0, _promises.readFile)(path, 'utf8').catch(()=>'')).trim().split(' ');
    if (!pid) return undefined;
    const description = `camlinks pid ${pid}${host && host !== (0, _nodeos.hostname)() ? ` on ${host}` : ''}`;
    if (host !== (0, _nodeos.hostname)()) return {
        description,
        alive: undefined
    };
    // Our own pid: a previous run in a container that restarted, where every run is pid 1.
    if (Number(pid) === process.pid) return {
        description,
        alive: false
    };
    try {
        process.kill(Number(pid), 0);
        return {
            description,
            alive: true
        };
    } catch (error) {
        return {
            description,
            alive: error.code === 'EPERM'
        };
    }
}
/** The lock was lost (its directory removed or taken over): another process may be writing; stop. */ function lostLock(dataDir) {
    return (error)=>{
        console.error(`camlinks: the lock on DATA_DIR ${dataDir} was lost (${error.message}); stopping so that two processes never write it.`);
        process.exit(1);
    };
}

//# sourceMappingURL=data-dir-lock.js.map
