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
    get KICKER_LOCK_KEY () {
        return KICKER_LOCK_KEY;
    },
    get SessionKicker () {
        return SessionKicker;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _databasechanges = require("../database/database-changes");
const _prismaservice = require("../database/prisma.service");
const _viewingsessionsrepository = require("../sessions/viewing-sessions.repository");
const _linkdecision = require("../verification/link-decision");
const _verificationrepository = require("../verification/verification.repository");
const _mediamtxcontrolapi = require("./mediamtx-control-api");
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
const KICKER_LOCK_KEY = 0x636c6b6b;
/** How often an instance that is not the kicker tries to become it: the takeover delay when the holder dies. */ const CAMPAIGN_MS = 1_000;
/** One call to a control API: a server that does not answer within it counts as unreachable. */ const KICK_TIMEOUT_MS = 2_000;
/** Calls in flight at once, over all media servers. */ const KICK_CONCURRENCY = 8;
/** Retry delays while a control API is unreachable: doubling from the first, capped. */ const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** After this long a session still not kicked is given up (kick_state failed): its media server has surely dropped it by then. */ const GIVE_UP_MS = 60 * 60_000;
/** setTimeout's longest delay; later expiries are looked at again by the sweep anyway. */ const MAX_TIMER_MS = 2 ** 31 - 1;
/** Why a session ends, by why its link is now refused. */ const END_REASON = {
    revoked: 'revoked',
    unknown_token: 'revoked',
    expired: 'expired',
    issuer_expired: 'expired',
    grant_expired: 'expired',
    camera_gone: 'camera_blocked',
    camera_blocked: 'camera_blocked',
    stream_gone: 'camera_blocked',
    grant_gone: 'grant_gone',
    issuer_revoked: 'issuer_revoked'
};
let SessionKicker = class SessionKicker {
    db;
    config;
    changes;
    sessions;
    links;
    /** What a link's state is read from, and viewing_sessions: new sessions, and sessions left to kick (by an admin on any instance). */ tables = [
        ..._verificationrepository.LINK_STATE_TABLES,
        'viewing_sessions'
    ];
    logger = new _common.Logger(SessionKicker.name);
    release;
    campaignTimer;
    expiryTimer;
    retryTimer;
    stopped = false;
    running;
    runAgain = false;
    /** Media servers whose control API did not answer: when to try again, and how many failures in a row. */ backoff = new Map();
    constructor(db, config, changes, sessions, links){
        this.db = db;
        this.config = config;
        this.changes = changes;
        this.sessions = sessions;
        this.links = links;
    }
    /** Whether this instance is the one that kicks. */ get leading() {
        return this.release !== undefined;
    }
    onApplicationBootstrap() {
        if (!this.config.kicks.enabled) return;
        this.changes.subscribe(this);
        void this.campaign();
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        clearTimeout(this.campaignTimer);
        clearTimeout(this.expiryTimer);
        clearTimeout(this.retryTimer);
        await this.running;
        await this.release?.();
        this.release = undefined;
    }
    onChange() {
        this.run();
    }
    /** Back to listening after a gap: changes may have been missed. */ onListening(listening) {
        if (listening) this.onChange();
    }
    /** Takes the lock if no one holds it, else tries again later. */ async campaign() {
        if (this.stopped || this.leading) return;
        try {
            const release = this.db.tryAdvisoryLock ? await this.db.tryAdvisoryLock(KICKER_LOCK_KEY, (error)=>this.lostLead(error)) : async ()=>undefined;
            if (release) return this.lead(release);
        } catch (error) {
            this.logger.warn(`Could not ask for the kicker lock (${error.message}); trying again`);
        }
        this.retryCampaign();
    }
    retryCampaign() {
        if (this.stopped) return;
        clearTimeout(this.campaignTimer);
        this.campaignTimer = setTimeout(()=>void this.campaign(), CAMPAIGN_MS);
        this.campaignTimer.unref();
    }
    lead(release) {
        if (this.stopped) return void release();
        this.release = release;
        this.logger.log('This instance ends the sessions of refused links (it holds the kicker lock)');
        this.run();
    }
    lostLead(error) {
        this.logger.warn(`Lost the kicker lock (${error.message}); another instance may take over`);
        this.release = undefined;
        clearTimeout(this.expiryTimer);
        clearTimeout(this.retryTimer);
        this.retryCampaign();
    }
    /** One pass at a time; a request during a pass runs another after it. */ run() {
        if (!this.leading || this.stopped) return;
        if (this.running) return void (this.runAgain = true);
        this.running = this.pass().catch((error)=>this.logger.warn(`Ending sessions failed (${error.message}); trying again`)).finally(()=>{
            this.running = undefined;
            if (this.runAgain) {
                this.runAgain = false;
                this.run();
            }
        });
    }
    async pass() {
        await this.endRefused(new Date());
        await this.kickPending(new Date());
    }
    /** Re-decides every open session; ends those refused now, and wakes up at the next expiry. */ async endRefused(now) {
        const open = await this.sessions.listOpen();
        const states = new Map((await this.links.findLinkStatesByIds([
            ...new Set(open.map((session)=>session.linkId))
        ])).map((state)=>[
                state.id,
                state
            ]));
        const ending = new Map();
        let nextExpiry = Infinity;
        for (const session of open){
            const state = states.get(session.linkId);
            // Where started videos may run past expiry, a session is judged as of its start: only
            // what does not depend on the time (a revocation, a blocked camera…) can end it.
            const decision = state ? (0, _linkdecision.standingOf)(state, this.config.kicks.endAtExpiry ? now : session.startedAt) : {
                allow: false,
                reason: 'unknown_token'
            };
            if (decision.allow) {
                if (this.config.kicks.endAtExpiry) nextExpiry = Math.min(nextExpiry, decision.validUntil.getTime());
                continue;
            }
            const reason = END_REASON[decision.reason] ?? 'revoked';
            ending.set(reason, [
                ...ending.get(reason) ?? [],
                session.id
            ]);
        }
        for (const [reason, ids] of ending)await this.sessions.markEnded(ids, reason, now);
        this.wakeAt(nextExpiry);
    }
    wakeAt(time) {
        clearTimeout(this.expiryTimer);
        this.expiryTimer = this.timerAt(time);
    }
    /** A pass at `time` (none for Infinity); a pass when the timer fires re-decides everything anyway. */ timerAt(time) {
        if (!Number.isFinite(time)) return undefined;
        const timer = setTimeout(()=>this.run(), Math.min(MAX_TIMER_MS, Math.max(0, time - Date.now())));
        timer.unref();
        return timer;
    }
    /** Kicks what is pending, server by server, skipping servers in backoff; a few calls at a time. */ async kickPending(now) {
        const pending = await this.sessions.listPendingKicks();
        const retryAt = (kick)=>this.backoff.get(kick.mediaServerId ?? '')?.retryAt ?? 0;
        const queue = pending.filter((kick)=>retryAt(kick) <= now.getTime());
        const worker = async ()=>{
            for(let kick = queue.shift(); kick; kick = queue.shift()){
                // A server found unreachable in this pass waits for its backoff like the rest of its queue.
                if (retryAt(kick) <= Date.now()) await this.kick(kick);
            }
        };
        await Promise.all(Array.from({
            length: Math.min(KICK_CONCURRENCY, queue.length)
        }, worker));
        // Kicks left for servers in backoff: another pass when the first of them may be tried again.
        clearTimeout(this.retryTimer);
        this.retryTimer = this.timerAt(Math.min(...pending.map(retryAt).filter((at)=>at > Date.now())));
    }
    async kick(kick) {
        if (kick.controlApiUrl === null) {
            return this.sessions.recordKickOutcome(kick.id, 'failed', new Date(), 'its media server has no control API (control_api_url)');
        }
        if (!(0, _mediamtxcontrolapi.isKickable)(kick.protocol)) return this.sessions.recordKickOutcome(kick.id, 'failed', new Date(), `MediaMTX cannot kick ${kick.protocol} sessions`);
        const outcome = await (0, _mediamtxcontrolapi.kickMediaMtxSession)({
            url: kick.controlApiUrl,
            username: kick.controlApiUsername,
            password: kick.controlApiPassword
        }, kick.protocol, kick.mediaServerSessionId, KICK_TIMEOUT_MS);
        const at = new Date();
        if (outcome.kind !== 'failed') {
            this.backoff.delete(kick.mediaServerId ?? '');
            return this.sessions.recordKickOutcome(kick.id, outcome.kind === 'kicked' ? 'done' : 'gone', at);
        }
        const failures = (this.backoff.get(kick.mediaServerId ?? '')?.failures ?? 0) + 1;
        const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
        this.backoff.set(kick.mediaServerId ?? '', {
            failures,
            retryAt: at.getTime() + delay
        });
        const givingUp = at.getTime() - kick.endedAt.getTime() >= GIVE_UP_MS;
        if (failures === 1 || givingUp) this.logger.warn(`Kicking session ${kick.id} failed (${outcome.error})${givingUp ? '; giving up' : `; retrying`}`);
        await this.sessions.recordKickOutcome(kick.id, givingUp ? 'failed' : 'pending', at, outcome.error);
    }
};
SessionKicker = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges,
        typeof _viewingsessionsrepository.ViewingSessionsRepository === "undefined" ? Object : _viewingsessionsrepository.ViewingSessionsRepository,
        typeof _verificationrepository.VerificationRepository === "undefined" ? Object : _verificationrepository.VerificationRepository
    ])
], SessionKicker);

//# sourceMappingURL=session-kicker.js.map
