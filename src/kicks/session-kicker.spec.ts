import { Logger } from '@nestjs/common';
import { PASS_RETRY_MS } from '../common/serial-pass';
import type { AppConfig } from '../config/app-config';
import type { DatabaseChanges } from '../database/database-changes';
import type { OpenDatabase } from '../database/open-database';
import type { OpenSession, ViewingSessionsRepository } from '../sessions/viewing-sessions.repository';
import type { LinkState } from '../verification/link-decision';
import type { VerificationRepository } from '../verification/verification.repository';
import { SessionKicker } from './session-kicker';

const NOW = Date.now();

function aLink(id: string, integrationId: string, overrides: Partial<LinkState> = {}): LinkState {
  return {
    id,
    kind: 'live',
    streamName: 'gate-hd',
    source: 'hls',
    archiveFrom: null,
    archiveTo: null,
    expiresAt: new Date(NOW + 3_600_000),
    revoked: false,
    subject: integrationId,
    camera: { blocked: false, hasStream: true },
    mediaServer: { id: 'edge', baseUrl: 'http://edge:8080', rtspBaseUrl: null, urlTemplates: {}, hasSecret: false },
    integrationToken: null,
    userToken: null,
    grant: null,
    issuedToUser: false,
    issued: { cameraUuid: 'camera', integrationId, userId: null, at: new Date(NOW - 60_000) },
    ...overrides,
  };
}

const aSession = (id: string, linkId: string): OpenSession => ({
  id,
  linkId,
  mediaServerId: 'edge',
  mediaServerKind: 'nginx',
  mediaServerSessionId: null,
  protocol: 'hls',
  startedAt: new Date(NOW - 30_000),
  kickState: null,
  kickAttempts: 0,
});

/** A revocation rule's selection as its notification sends it. */
const ruleOf = (integrationId: string) => ({
  camera_uuid: null,
  integration_id: integrationId,
  user_id: null,
  issued_from: null,
  issued_to: null,
  cut_off: new Date(NOW).toISOString(),
  source: null,
  kind: null,
  token_prefix: null,
});

describe('SessionKicker: which link states a pass reads again', () => {
  let links: Map<string, LinkState>;
  let open: OpenSession[];
  let ended: Record<string, string>;
  /** The link ids each pass read, in order. */
  let reads: string[][];
  let failReads: number;
  /** Loses the kicker lock, as when its connection drops; it is taken again a second later. */
  let loseLead: (error: Error) => void;
  let kicker: SessionKicker;

  const settle = () => jest.advanceTimersByTimeAsync(0);

  beforeEach(async () => {
    jest.useFakeTimers({ now: NOW });
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    links = new Map([aLink('link-x', 'x'), aLink('link-y', 'y')].map((link) => [link.id, link]));
    open = [aSession('session-x', 'link-x'), aSession('session-y', 'link-y')];
    ended = {};
    reads = [];
    failReads = 0;
    const sessions = {
      listOpen: async () => open.filter((session) => !(session.id in ended)),
      markEnded: async (ids: string[], reason: string) => (ids.forEach((id) => (ended[id] = reason)), ids),
      listPendingKicks: async () => [],
    } as unknown as ViewingSessionsRepository;
    const repository = {
      findLinkStatesByIds: async (asked: { id: string }[]) => {
        if (failReads-- > 0) throw new Error('statement timeout');
        reads.push(asked.map((link) => link.id));
        return asked.flatMap((link) => links.get(link.id) ?? []);
      },
    } as unknown as VerificationRepository;
    const config = { kicks: { enabled: true, endAtExpiry: true } } as AppConfig;
    const changes = { subscribe: () => undefined } as unknown as DatabaseChanges;
    const db = {
      tryAdvisoryLock: async (_key: number, onLost: (error: Error) => void) => {
        loseLead = onLost;
        return async () => undefined;
      },
    } as unknown as OpenDatabase;
    kicker = new SessionKicker(db, config, changes, sessions, repository);
    kicker.onApplicationBootstrap();
    await settle();
  });

  afterEach(async () => {
    await kicker.beforeApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('reads the link of every open session when it starts to lead', () => {
    expect(reads).toEqual([['link-x', 'link-y']]);
  });

  it('reads again only the links a revocation rule selects, and ends their sessions', async () => {
    links.set('link-x', { ...links.get('link-x')!, revoked: true });
    kicker.onChange('revocation_rules', undefined, ruleOf('x'));
    await settle();
    expect(reads.slice(1)).toEqual([['link-x']]);
    expect(ended).toEqual({ 'session-x': 'revoked' });
  });

  it('reads the link of a new session alone, and every link after any other change', async () => {
    links.set('link-z', aLink('link-z', 'z'));
    open.push(aSession('session-z', 'link-z'));
    kicker.onChange('viewing_sessions');
    await settle();
    links.set('link-y', { ...links.get('link-y')!, camera: { blocked: true, hasStream: true } });
    kicker.onChange('cameras');
    await settle();
    expect(reads.slice(1)).toEqual([['link-z'], ['link-x', 'link-y', 'link-z']]);
    expect(ended).toEqual({ 'session-y': 'camera_blocked' });
  });

  it('reads once more, after the pass running, for the changes heard while it ran', async () => {
    kicker.onChange('revocation_rules', undefined, ruleOf('x'));
    kicker.onChange('revocation_rules', undefined, ruleOf('x'));
    kicker.onChange('revocation_rules', undefined, ruleOf('y'));
    await settle();
    expect(reads.slice(1)).toEqual([['link-x'], ['link-x', 'link-y']]);
  });

  it('reads every link again when it leads again, whatever changed while it did not', async () => {
    loseLead(new Error('connection reset'));
    links.set('link-y', { ...links.get('link-y')!, revoked: true });
    kicker.onChange('issued_links');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reads.slice(1)).toEqual([['link-x', 'link-y']]);
    expect(ended).toEqual({ 'session-y': 'revoked' });
  });

  it('keeps what a failed pass did not read for the next try', async () => {
    failReads = 1;
    links.set('link-y', { ...links.get('link-y')!, revoked: true });
    kicker.onChange('revocation_rules', undefined, ruleOf('y'));
    await settle();
    expect(reads).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(PASS_RETRY_MS);
    expect(reads.slice(1)).toEqual([['link-y']]);
    expect(ended).toEqual({ 'session-y': 'revoked' });
  });
});
