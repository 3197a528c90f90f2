"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PeriodicFlush", {
    enumerable: true,
    get: function() {
        return PeriodicFlush;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _databasetarget = require("../config/database-target");
const _flushspool = require("./flush-spool");
/** Between two tries of the last flush while the database does not take it. */ const RETRY_MS = 250;
/** Kept from the stop's deadline for writing the spool file. */ const SPOOL_MARGIN_MS = 300;
let PeriodicFlush = class PeriodicFlush {
    settings;
    logger;
    timer;
    running;
    spool;
    constructor(settings){
        this.settings = settings;
        this.logger = new _common.Logger(`${new.target.name}`);
        const { spoolDir, database } = settings.config;
        if (spoolDir) this.spool = new _flushspool.FlushSpool(spoolDir, settings.name, (0, _databasetarget.describeTarget)(database));
    }
    onModuleInit() {
        this.timer = setInterval(()=>{
            if (!this.running) void this.flush();
        }, this.settings.intervalMs);
        this.timer.unref();
    }
    /** What a previous stop spooled goes in before anything counted now. */ onApplicationBootstrap() {
        if (this.spool) void this.flush();
    }
    /**
   * Writes the spool, then what is pending (after a flush still running); resolves false if the
   * database did not take it, which is kept for the next flush. Never throws.
   */ flush() {
        const flushing = (this.running ?? Promise.resolve(true)).then(()=>this.writeSpoolThenPending());
        this.running = flushing;
        void flushing.finally(()=>{
            if (this.running === flushing) this.running = undefined;
        });
        return flushing;
    }
    async beforeApplicationShutdown() {
        clearInterval(this.timer);
        await this.running;
        if (this.spool && !await this.writeSpool()) this.logger.warn('Spooled counters from an earlier stop are still not written; kept for the next start');
        const batch = this.take();
        if (!batch.length) return;
        const id = (0, _nodecrypto.randomUUID)();
        while(!await this.tryWithin(batch, id)){
            const left = this.settings.shutdown.remainingMs() - SPOOL_MARGIN_MS;
            if (left <= RETRY_MS) return this.spoolLast(batch, id);
            await new Promise((resolve)=>setTimeout(resolve, RETRY_MS));
        }
    }
    async writeSpoolThenPending() {
        if (this.spool && !await this.writeSpool()) return false;
        const batch = this.take();
        if (!batch.length) return true;
        try {
            await this.write(batch, null);
            return true;
        } catch (error) {
            this.logger.warn(`Could not write ${this.settings.name} counters, will retry: ${error.message}`);
            this.putBack(batch);
            return false;
        }
    }
    /** Adds every spooled entry, oldest first, removing each once added; false at the first failure. */ async writeSpool() {
        try {
            for (const entry of (await this.spool.entries())){
                await this.write(entry.items, entry.id);
                await entry.remove();
                this.logger.log(`Added ${this.settings.name} counters spooled by an earlier stop (${entry.id})`);
            }
            return true;
        } catch (error) {
            this.logger.warn(`Could not add spooled ${this.settings.name} counters, will retry: ${error.message}`);
            return false;
        }
    }
    /** One try of the last batch, given up (outcome unknown, hence the id) when the stop's deadline nears. */ async tryWithin(batch, id) {
        let timer;
        const deadline = new Promise((resolve)=>timer = setTimeout(()=>resolve(false), this.settings.shutdown.remainingMs() - SPOOL_MARGIN_MS));
        const written = this.write(batch, id).then(()=>true, (error)=>{
            this.logger.warn(`Could not write ${this.settings.name} counters on stop, retrying until the deadline: ${error.message}`);
            return false;
        });
        return Promise.race([
            written,
            deadline
        ]).finally(()=>clearTimeout(timer));
    }
    async spoolLast(batch, id) {
        if (!this.spool) {
            this.logger.error(`Lost ${batch.length} ${this.settings.name} counters: the database did not take them before the deadline, and there is no DATA_DIR to spool them to`);
            return;
        }
        try {
            await this.spool.append(id, batch);
            this.logger.warn(`Spooled ${batch.length} ${this.settings.name} counters (${id}): they are added at the next start`);
        } catch (error) {
            this.logger.error(`Lost ${batch.length} ${this.settings.name} counters: spooling failed: ${error.message}`);
        }
    }
};

//# sourceMappingURL=periodic-flush.js.map
