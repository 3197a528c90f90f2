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
    get SessionRecorder () {
        return SessionRecorder;
    },
    get UNNAMED_SESSION_GAP_MS () {
        return UNNAMED_SESSION_GAP_MS;
    },
    get USER_AGENT_MAX () {
        return USER_AGENT_MAX;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _periodicflush = require("../common/periodic-flush");
const _configmodule = require("../config/config.module");
const _viewingsessionsrepository = require("./viewing-sessions.repository");
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
const UNNAMED_SESSION_GAP_MS = 60_000;
/** How often each instance closes idle sessions (an UPDATE over the open ones: as many as there are viewers). */ const IDLE_SWEEP_MS = 15_000;
const USER_AGENT_MAX = 256;
/** A media server's session id as camlinks keeps it (MediaMTX and Flussonic send UUIDs); anything else is not an id. */ const SESSION_ID = /^[\w.:-]{1,64}$/;
/** A protocol as media servers name them (`rtsp`, `webrtc`, `hls`…); anything else is recorded as `other`. */ const PROTOCOL = /^[a-z][a-z0-9_-]{0,15}$/;
let SessionRecorder = class SessionRecorder extends _periodicflush.PeriodicFlush {
    repository;
    config;
    /** Named sightings since the last flush, by media server and session id. */ named = new Map();
    /** This instance's open unnamed sessions, by link and viewer address ('' when none was reported). */ unnamed = new Map();
    /** Unnamed sessions sighted since the last flush. */ dirty = new Set();
    lastSweep = 0;
    /** The time a flush takes its batch at: now, or the clock a test flushes by. */ clock = ()=>new Date();
    constructor(repository, config, shutdown){
        super({
            name: 'sessions',
            intervalMs: config.verification.usageFlushMs,
            config,
            shutdown
        }), this.repository = repository, this.config = config;
    }
    /** An allowed verification of `linkId` through `mediaServerId`. Allocates only when a session starts. */ record(linkId, mediaServerId, kind, clue, viewerIp, now) {
        const sessionId = clue.sessionId !== undefined && SESSION_ID.test(clue.sessionId) ? clue.sessionId : undefined;
        if (sessionId !== undefined) {
            let byId = this.named.get(mediaServerId);
            if (!byId) this.named.set(mediaServerId, byId = new Map());
            const seen = byId.get(sessionId);
            if (seen && seen.linkId === linkId) seen.lastSeenAt = now;
            else byId.set(sessionId, this.sighting(linkId, mediaServerId, kind, clue, sessionId, viewerIp, now));
            return;
        }
        const address = viewerIp ?? '';
        let byAddress = this.unnamed.get(linkId);
        if (!byAddress) this.unnamed.set(linkId, byAddress = new Map());
        let session = byAddress.get(address);
        if (!session || now.getTime() - session.lastSeenAt.getTime() > UNNAMED_SESSION_GAP_MS) {
            session = this.sighting(linkId, mediaServerId, kind, clue, null, viewerIp, now);
            byAddress.set(address, session);
        }
        session.lastSeenAt = now;
        this.dirty.add(session);
    }
    /** Writes what was seen (PeriodicFlush), then closes idle sessions every IDLE_SWEEP_MS; as of `now` when given. */ async flush(now) {
        if (now) this.clock = ()=>now;
        const written = await super.flush();
        await this.closeIdle(now ?? new Date());
        return written;
    }
    take() {
        const batch = [
            ...this.dirty
        ];
        for (const byId of this.named.values())batch.push(...byId.values());
        this.dirty = new Set();
        this.named = new Map();
        this.forgetUnseen(this.clock());
        return batch;
    }
    /** A sighting whose flush failed goes into the next one, merged with what was seen since. */ putBack(batch) {
        for (const sighting of batch)this.retry(sighting);
    }
    /** Sightings carry their ids, and named sessions are upserted by theirs: writing a batch twice records it once. */ async write(batch) {
        for (const id of (await this.repository.recordBatch(batch)))this.forgetEnded(id, batch);
    }
    async closeIdle(now) {
        if (now.getTime() - this.lastSweep < IDLE_SWEEP_MS) return;
        this.lastSweep = now.getTime();
        try {
            await this.repository.closeIdle(this.idleCutoffs(now));
        } catch (error) {
            this.logger.warn(`Could not close idle viewing sessions, will retry: ${error.message}`);
        }
    }
    /**
   * How long each kind of session may go unseen. Unnamed: the gap, plus two flushes (the database
   * learns of a sighting up to a flush late). Flussonic asks again every X-AuthDuration while it
   * plays. MediaMTX asks once per session, so its sessions end by their link (revocation, expiry)
   * or, failing that, after the longest a link lives.
   */ idleCutoffs(now) {
        const before = (ms)=>new Date(now.getTime() - ms);
        const flushSlack = 2 * this.config.verification.usageFlushMs;
        return {
            unnamed: before(UNNAMED_SESSION_GAP_MS + flushSlack),
            flussonic: before(UNNAMED_SESSION_GAP_MS + 2 * this.config.verification.authDurationMax * 1000 + flushSlack),
            mediamtx: before(this.config.links.ttlMax * 1000 + UNNAMED_SESSION_GAP_MS)
        };
    }
    sighting(linkId, mediaServerId, kind, clue, sessionId, viewerIp, now) {
        return {
            id: (0, _nodecrypto.randomUUID)(),
            linkId,
            mediaServerId,
            mediaServerKind: kind,
            mediaServerSessionId: sessionId,
            protocol: PROTOCOL.test(clue.sessionProtocol) ? clue.sessionProtocol : 'other',
            viewerIp: viewerIp ?? null,
            userAgent: clue.userAgent ? clue.userAgent.slice(0, USER_AGENT_MAX) : null,
            firstSeenAt: now,
            lastSeenAt: now
        };
    }
    /** Unnamed sessions past the gap are over: the next sighting starts a new one anyway. */ forgetUnseen(now) {
        for (const [linkId, byAddress] of this.unnamed){
            for (const [address, session] of byAddress){
                if (now.getTime() - session.lastSeenAt.getTime() > UNNAMED_SESSION_GAP_MS) byAddress.delete(address);
            }
            if (!byAddress.size) this.unnamed.delete(linkId);
        }
    }
    /** An unnamed session the database says has ended (by an admin, or idle): the next sighting starts a new one. */ forgetEnded(id, batch) {
        const ended = batch.find((sighting)=>sighting.id === id);
        if (!ended) return;
        const byAddress = this.unnamed.get(ended.linkId);
        if (byAddress?.get(ended.viewerIp ?? '') === ended) byAddress.delete(ended.viewerIp ?? '');
    }
    retry(sighting) {
        if (sighting.mediaServerSessionId === null) {
            this.dirty.add(sighting);
            return;
        }
        let byId = this.named.get(sighting.mediaServerId);
        if (!byId) this.named.set(sighting.mediaServerId, byId = new Map());
        const since = byId.get(sighting.mediaServerSessionId);
        if (since && since.linkId === sighting.linkId) since.firstSeenAt = sighting.firstSeenAt;
        else if (!since) byId.set(sighting.mediaServerSessionId, sighting);
    }
};
SessionRecorder = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _viewingsessionsrepository.ViewingSessionsRepository === "undefined" ? Object : _viewingsessionsrepository.ViewingSessionsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof _configmodule.Shutdown === "undefined" ? Object : _configmodule.Shutdown
    ])
], SessionRecorder);

//# sourceMappingURL=session-recorder.js.map
