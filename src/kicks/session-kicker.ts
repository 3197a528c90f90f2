import { SerialPass } from '../common/serial-pass';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AdvisoryLeader } from '../database/advisory-leader';
import type { OpenDatabase } from '../database/open-database';
import { type Change, type ChangeSubscriber, DatabaseChanges } from '../database/database-changes';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import { type OpenSession, type PendingKick, ViewingSessionsRepository } from '../sessions/viewing-sessions.repository';
import type { EndReason } from '../sessions/viewing-session';
import { type DenyReason, type LinkState, standingOf } from '../verification/link-decision';
import { ruleCovers } from '../verification/link-state-cache';
import { LINK_STATE_TABLES, VerificationRepository } from '../verification/verification.repository';
import { isKickable, kickMediaMtxSession, type KickOutcome } from './mediamtx-control-api';

/** The advisory lock the kicking instance holds (any constant all instances agree on: 'clkk'). */
export const KICKER_LOCK_KEY = 0x636c6b6b;
/** One call to a control API: a server that does not answer within it counts as unreachable. */
const KICK_TIMEOUT_MS = 2_000;
/** Calls in flight at once, over all media servers. */
const KICK_CONCURRENCY = 8;
/** Retry delays while a control API is unreachable: doubling from the first, capped. */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** After this long a session still not kicked is given up (kick_state failed): its media server has surely dropped it by then. */
const GIVE_UP_MS = 60 * 60_000;
/** setTimeout's longest delay; later expiries are looked at again by the sweep anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Rules' selections noted for one pass; past them every state is read again, as after any change. */
const MAX_SELECTIONS = 100;

/** The longest a stop waits for a running re-decision and the lock's release. */
const SHUTDOWN_WAIT_MS = 1_000;

/** Why a session ends, by why its link is now refused. */
const END_REASON: Partial<Record<DenyReason, EndReason>> = {
  revoked: 'revoked',
  unknown_token: 'revoked',
  expired: 'expired',
  issuer_expired: 'expired',
  grant_expired: 'expired',
  camera_gone: 'camera_blocked',
  camera_blocked: 'camera_blocked',
  stream_gone: 'camera_blocked',
  grant_gone: 'grant_gone',
  issuer_revoked: 'issuer_revoked',
};

/**
 * Ends the viewing sessions whose link is no longer good, and kicks them out of MediaMTX.
 *
 * One instance at a time does it (a PostgreSQL advisory lock; on the embedded database the one
 * process). That instance re-decides every open session (as many as there are viewers) with the
 * verification's own rule (`standingOf`, the part of `decide()` that can change while a video
 * plays) after each change notification of what a link's state is read from or of
 * viewing_sessions (a new session), and at the next expiry among them; sessions now refused are
 * marked ended with the matching reason. It reads again only the link states a change may have
 * touched (a new session's, those a revocation rule's selection covers, all of them after any
 * other change) and judges the rest on the states it read last. MediaMTX sessions are then kicked
 * through their media server's control API, as are sessions an admin ended. All of this runs off
 * the request path: a media server that is down slows nothing but its own kicks, which are
 * retried with backoff.
 */
@Injectable()
export class SessionKicker implements ChangeSubscriber, OnApplicationBootstrap, BeforeApplicationShutdown {
  /** What a link's state is read from, and viewing_sessions: new sessions, and sessions left to kick (by an admin on any instance). */
  readonly tables = [...LINK_STATE_TABLES, 'viewing_sessions'];
  private readonly logger = new Logger(SessionKicker.name);
  private readonly leader: AdvisoryLeader;
  private expiryTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private readonly passes: SerialPass;
  /** Media servers whose control API did not answer: when to try again, and how many failures in a row. */
  private readonly backoff = new Map<string, { failures: number; retryAt: number }>();
  /**
   * Each open session's link state as a pass last read it, by link id: what the next pass judges
   * the links no change has touched on, and what a rule's selection is tested on. Its issue time
   * (viewing_sessions does not keep it) reads a link again from the partition of its day only.
   */
  private states = new Map<string, LinkState>();
  /**
   * What changed since the last pass read the states: anything (all are read again), or only
   * what these revocation rules select. A bulk revocation's notifications (two on the instance
   * that took it) and every session flush's then read a few states, not every open session's
   * (1,000 states: 15–60 ms of the database's CPU each, beside the marking; issue 22).
   */
  private stale: Stale = { everything: true, selections: [] };

  constructor(
    @Inject(DATABASE_CONNECTION) db: OpenDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: DatabaseChanges,
    private readonly sessions: ViewingSessionsRepository,
    private readonly links: VerificationRepository,
  ) {
    this.leader = new AdvisoryLeader(db, KICKER_LOCK_KEY, 'kicker', this.logger, {
      onLead: () => {
        this.logger.log('This instance ends the sessions of refused links (it holds the kicker lock)');
        // The states of an earlier lead may have missed changes since.
        this.stale = { everything: true, selections: [] };
        this.run();
      },
      onLost: () => {
        clearTimeout(this.expiryTimer);
        clearTimeout(this.retryTimer);
      },
    });
    this.passes = new SerialPass(
      () => this.pass(),
      () => this.leading && !this.stopped,
      (error) => this.logger.warn(`Ending sessions failed (${error.message}); trying again`),
    );
  }

  /** Whether this instance is the one that kicks. */
  get leading(): boolean {
    return this.leader.leading;
  }

  onApplicationBootstrap(): void {
    if (!this.config.kicks.enabled) return;
    this.changes.subscribe(this);
    this.leader.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.expiryTimer);
    clearTimeout(this.retryTimer);
    this.passes.cancelRetry();
    // Bounded: on a database that does not answer neither would settle, nothing else would keep
    // the process alive, and it would exit before the counters' flushes (a session-level lock ends
    // with its connection anyway).
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([Promise.allSettled([this.passes.current, this.leader.stop()]), bound]);
    clearTimeout(timer);
  }

  /**
   * A new session (viewing_sessions) is read in the pass anyway, and a rule's selection names the
   * states it may change; any other change may touch any link.
   */
  onChange(table?: string, _keys?: readonly string[], selection?: Change['selection']): void {
    // Not leading: nothing to note, a lead starts by reading every state.
    if (!this.leading) return;
    if (table === 'revocation_rules' && selection && this.stale.selections.length < MAX_SELECTIONS)
      this.stale.selections.push(selection);
    else if (table !== 'viewing_sessions') this.stale.everything = true;
    this.run();
  }

  /** Back to listening after a gap: changes may have been missed. */
  onListening(listening: boolean): void {
    if (listening) this.onChange();
  }

  private run(): void {
    this.passes.run();
  }

  private async pass(): Promise<void> {
    await this.endRefused(new Date());
    await this.kickPending(new Date());
  }

  /**
   * Re-decides every open session, on the link states read again where a change since the last
   * pass may have touched them; ends those refused now, and wakes up at the next expiry.
   */
  private async endRefused(now: Date): Promise<void> {
    // Taken before reading: a change heard from here on is for the next pass.
    const stale = this.stale;
    this.stale = { everything: false, selections: [] };
    let open: OpenSession[];
    let found: LinkState[];
    let kept: string[];
    try {
      open = await this.sessions.listOpen();
      const linkIds = [...new Set(open.map((session) => session.linkId))];
      const toRead = linkIds.filter((id) => isStale(stale, this.states.get(id)));
      const reading = new Set(toRead);
      kept = linkIds.filter((id) => !reading.has(id));
      found = await this.links.findLinkStatesByIds(
        toRead.map((id) => ({ id, issuedAt: this.states.get(id)?.issued.at })),
      );
    } catch (error) {
      // Not read: still stale, beside what changed meanwhile.
      this.stale = {
        everything: stale.everything || this.stale.everything,
        selections: [...stale.selections, ...this.stale.selections],
      };
      throw error;
    }
    const states = new Map(kept.map((id) => [id, this.states.get(id)!]));
    for (const state of found) states.set(state.id, state);
    this.states = states;
    const ending = new Map<EndReason, string[]>();
    let nextExpiry = Infinity;
    for (const session of open) {
      const state = states.get(session.linkId);
      // Where started videos may run past expiry, a session is judged as of its start: only
      // what does not depend on the time (a revocation, a blocked camera…) can end it.
      const decision = state
        ? standingOf(state, this.config.kicks.endAtExpiry ? now : session.startedAt)
        : ({ allow: false, reason: 'unknown_token' } as const);
      if (decision.allow) {
        if (this.config.kicks.endAtExpiry) nextExpiry = Math.min(nextExpiry, decision.validUntil.getTime());
        continue;
      }
      const reason = END_REASON[decision.reason] ?? 'revoked';
      ending.set(reason, [...(ending.get(reason) ?? []), session.id]);
    }
    for (const [reason, ids] of ending) await this.sessions.markEnded(ids, reason, now);
    this.wakeAt(nextExpiry);
  }

  private wakeAt(time: number): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = this.timerAt(time);
  }

  /**
   * A pass at `time` (none for Infinity); a pass when the timer fires re-decides every session
   * anyway, as of its own time (the states it judges on are as current as the changes heard).
   */
  private timerAt(time: number): NodeJS.Timeout | undefined {
    if (!Number.isFinite(time)) return undefined;
    const timer = setTimeout(() => this.run(), Math.min(MAX_TIMER_MS, Math.max(0, time - Date.now())));
    timer.unref();
    return timer;
  }

  /** Kicks what is pending, server by server, skipping servers in backoff; a few calls at a time. */
  private async kickPending(now: Date): Promise<void> {
    const pending = await this.sessions.listPendingKicks();
    const retryAt = (kick: PendingKick) => this.backoff.get(kick.mediaServerId ?? '')?.retryAt ?? 0;
    const queue = pending.filter((kick) => retryAt(kick) <= now.getTime());
    const worker = async () => {
      for (let kick = queue.shift(); kick; kick = queue.shift()) {
        // A server found unreachable in this pass waits for its backoff like the rest of its queue.
        if (retryAt(kick) <= Date.now()) await this.kick(kick);
      }
    };
    await Promise.all(Array.from({ length: Math.min(KICK_CONCURRENCY, queue.length) }, worker));
    // Kicks left for servers in backoff: another pass when the first of them may be tried again.
    clearTimeout(this.retryTimer);
    this.retryTimer = this.timerAt(Math.min(...pending.map(retryAt).filter((at) => at > Date.now())));
  }

  private async kick(kick: PendingKick): Promise<void> {
    if (kick.controlApiUrl === null) {
      return this.sessions.recordKickOutcome(
        kick.id,
        'failed',
        new Date(),
        'its media server has no control API (control_api_url)',
      );
    }
    if (!isKickable(kick.protocol))
      return this.sessions.recordKickOutcome(
        kick.id,
        'failed',
        new Date(),
        `MediaMTX cannot kick ${kick.protocol} sessions`,
      );
    const outcome: KickOutcome = await kickMediaMtxSession(
      { url: kick.controlApiUrl, username: kick.controlApiUsername, password: kick.controlApiPassword },
      kick.protocol,
      kick.mediaServerSessionId,
      KICK_TIMEOUT_MS,
    );
    const at = new Date();
    if (outcome.kind !== 'failed') {
      this.backoff.delete(kick.mediaServerId ?? '');
      return this.sessions.recordKickOutcome(kick.id, outcome.kind === 'kicked' ? 'done' : 'gone', at);
    }
    const failures = (this.backoff.get(kick.mediaServerId ?? '')?.failures ?? 0) + 1;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
    this.backoff.set(kick.mediaServerId ?? '', { failures, retryAt: at.getTime() + delay });
    const givingUp = at.getTime() - kick.endedAt.getTime() >= GIVE_UP_MS;
    if (failures === 1 || givingUp)
      this.logger.warn(
        `Kicking session ${kick.id} failed (${outcome.error})${givingUp ? '; giving up' : `; retrying`}`,
      );
    await this.sessions.recordKickOutcome(kick.id, givingUp ? 'failed' : 'pending', at, outcome.error);
  }
}

/** What changed since the states were read: anything, or what these revocation rules select. */
interface Stale {
  everything: boolean;
  selections: NonNullable<Change['selection']>[];
}

/** Whether a link's state must be read again: not read yet, or a change since may have touched it. */
function isStale(stale: Stale, state: LinkState | undefined): boolean {
  return !state || stale.everything || stale.selections.some((selection) => ruleCovers(selection, state));
}
