import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PeriodicFlush } from '../common/periodic-flush';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, Shutdown } from '../config/config.module';
import type { MediaServerKind } from './viewing-session';
import { type IdleCutoffs, type SessionSighting, ViewingSessionsRepository } from './viewing-sessions.repository';

/** A gap longer than this between a viewer's requests starts a new session where the media server names none (nginx). */
export const UNNAMED_SESSION_GAP_MS = 60_000;
/** How often each instance closes idle sessions (an UPDATE over the open ones: as many as there are viewers). */
const IDLE_SWEEP_MS = 15_000;
/** Longer user agents are cut: the column is shown and exported, not a place to store what a client sends. */
export const USER_AGENT_MAX = 256;
/** A media server's session id as camlinks keeps it (MediaMTX and Flussonic send UUIDs); anything else is not an id. */
const SESSION_ID = /^[\w.:-]{1,64}$/;
/** A protocol as media servers name them (`rtsp`, `webrtc`, `hls`…); anything else is recorded as `other`. */
const PROTOCOL = /^[a-z][a-z0-9_-]{0,15}$/;

/** The link a verification allowed: a LinkState is one. */
export interface SightedLink {
  id: string;
  issued: { at: Date };
}

/**
 * What the media server said about the session of a verification (a VerifyRequest carries these
 * fields itself, so recording allocates nothing per request).
 */
export interface SessionClue {
  /** Its own id for the session, as sent (checked here). */
  sessionId?: string;
  /** The viewer's protocol as the media server names it (`rtsp`, `hls`…). */
  sessionProtocol: string;
  userAgent?: string;
}

/**
 * Puts every allowed verification into a viewing session, in memory, and writes the batch with the
 * usage flush's interval in one statement: verification never waits on it. Named sessions
 * (MediaMTX, Flussonic) are upserted by their id; for the others (nginx) this instance keeps the
 * open session per link and viewer address with its last sighting, so the hot path does no query.
 * Two instances serving one nginx viewer each record a session of their own (the rows differ only
 * by id): the price of no coordination per request.
 */
@Injectable()
export class SessionRecorder extends PeriodicFlush<SessionSighting> {
  /** Named sightings since the last flush, by media server and session id. */
  private named = new Map<string, Map<string, SessionSighting>>();
  /** This instance's open unnamed sessions, by link and viewer address ('' when none was reported). */
  private readonly unnamed = new Map<string, Map<string, SessionSighting>>();
  /** Unnamed sessions sighted since the last flush. */
  private dirty = new Set<SessionSighting>();
  private lastSweep = 0;
  /** The time a flush takes its batch at: now, or the clock a test flushes by. */
  private clock = () => new Date();

  constructor(
    private readonly repository: ViewingSessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    shutdown: Shutdown,
  ) {
    super({ name: 'sessions', intervalMs: config.verification.usageFlushMs, config, shutdown });
  }

  /**
   * An allowed verification of `link` (its id, and its issue time, which names its partition of
   * issued_links) through `mediaServerId`. Allocates only when a session starts.
   */
  record(
    link: SightedLink,
    mediaServerId: string,
    kind: MediaServerKind,
    clue: SessionClue,
    viewerIp: string | undefined,
    now: Date,
  ): void {
    const linkId = link.id;
    const sessionId = clue.sessionId !== undefined && SESSION_ID.test(clue.sessionId) ? clue.sessionId : undefined;
    if (sessionId !== undefined) {
      let byId = this.named.get(mediaServerId);
      if (!byId) this.named.set(mediaServerId, (byId = new Map()));
      const seen = byId.get(sessionId);
      if (seen && seen.linkId === linkId) seen.lastSeenAt = now;
      else byId.set(sessionId, this.sighting(link, mediaServerId, kind, clue, sessionId, viewerIp, now));
      return;
    }
    const address = viewerIp ?? '';
    let byAddress = this.unnamed.get(linkId);
    if (!byAddress) this.unnamed.set(linkId, (byAddress = new Map()));
    let session = byAddress.get(address);
    if (!session || now.getTime() - session.lastSeenAt.getTime() > UNNAMED_SESSION_GAP_MS) {
      session = this.sighting(link, mediaServerId, kind, clue, null, viewerIp, now);
      byAddress.set(address, session);
    }
    session.lastSeenAt = now;
    this.dirty.add(session);
  }

  /** Writes what was seen (PeriodicFlush), then closes idle sessions every IDLE_SWEEP_MS; as of `now` when given. */
  override async flush(now?: Date): Promise<boolean> {
    if (now) this.clock = () => now;
    const written = await super.flush();
    await this.closeIdle(now ?? new Date());
    return written;
  }

  protected take(): SessionSighting[] {
    const batch: SessionSighting[] = [...this.dirty];
    for (const byId of this.named.values()) batch.push(...byId.values());
    this.dirty = new Set();
    this.named = new Map();
    this.forgetUnseen(this.clock());
    return batch;
  }

  /** Sightings carry their ids, and named sessions are upserted by theirs: writing a batch twice records it once. */
  protected async write(batch: SessionSighting[]): Promise<void> {
    for (const id of await this.repository.recordBatch(batch)) this.forgetEnded(id, batch);
  }

  private async closeIdle(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < IDLE_SWEEP_MS) return;
    this.lastSweep = now.getTime();
    try {
      await this.repository.closeIdle(this.idleCutoffs(now));
    } catch (error) {
      this.logger.warn(`Could not close idle viewing sessions, will retry: ${(error as Error).message}`);
    }
  }

  /**
   * How long each kind of session may go unseen. Unnamed: the gap, plus two flushes (the database
   * learns of a sighting up to a flush late). Flussonic asks again every X-AuthDuration while it
   * plays. MediaMTX asks once per session, so its sessions end by their link (revocation, expiry)
   * or, failing that, after the longest a link lives.
   */
  idleCutoffs(now: Date): IdleCutoffs {
    const before = (ms: number) => new Date(now.getTime() - ms);
    const flushSlack = 2 * this.config.verification.usageFlushMs;
    return {
      unnamed: before(UNNAMED_SESSION_GAP_MS + flushSlack),
      flussonic: before(UNNAMED_SESSION_GAP_MS + 2 * this.config.verification.authDurationMax * 1000 + flushSlack),
      mediamtx: before(this.config.links.ttlMax * 1000 + UNNAMED_SESSION_GAP_MS),
    };
  }

  private sighting(
    link: SightedLink,
    mediaServerId: string,
    kind: MediaServerKind,
    clue: SessionClue,
    sessionId: string | null,
    viewerIp: string | undefined,
    now: Date,
  ): SessionSighting {
    return {
      id: randomUUID(),
      linkId: link.id,
      linkIssuedAt: link.issued.at,
      mediaServerId,
      mediaServerKind: kind,
      mediaServerSessionId: sessionId,
      protocol: PROTOCOL.test(clue.sessionProtocol) ? clue.sessionProtocol : 'other',
      viewerIp: viewerIp ?? null,
      userAgent: clue.userAgent ? clue.userAgent.slice(0, USER_AGENT_MAX) : null,
      firstSeenAt: now,
      lastSeenAt: now,
    };
  }

  /** Unnamed sessions past the gap are over: the next sighting starts a new one anyway. */
  private forgetUnseen(now: Date): void {
    for (const [linkId, byAddress] of this.unnamed) {
      for (const [address, session] of byAddress) {
        if (now.getTime() - session.lastSeenAt.getTime() > UNNAMED_SESSION_GAP_MS) byAddress.delete(address);
      }
      if (!byAddress.size) this.unnamed.delete(linkId);
    }
  }

  /** An unnamed session the database says has ended (by an admin, or idle): the next sighting starts a new one. */
  private forgetEnded(id: string, batch: SessionSighting[]): void {
    const ended = batch.find((sighting) => sighting.id === id);
    if (!ended) return;
    const byAddress = this.unnamed.get(ended.linkId);
    if (byAddress?.get(ended.viewerIp ?? '') === ended) byAddress.delete(ended.viewerIp ?? '');
  }
}
