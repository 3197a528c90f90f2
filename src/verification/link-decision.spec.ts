import { type Asker, decide, type LinkState, type RequestedResource } from './link-decision';
import { nginx as nginxProtocol } from './media-auth.protocols';

const NOW = new Date('2030-01-01T12:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const NONE: Asker = { presented: false };

function aLink(overrides: Partial<LinkState> = {}): LinkState {
  return {
    id: 'link-1',
    kind: 'preview',
    streamName: 'gate-hd',
    source: 'jpg',
    archiveFrom: null,
    archiveTo: null,
    expiresAt: later(300),
    revoked: false,
    subject: 'integration-1',
    camera: { blocked: false, hasStream: true },
    mediaServer: { id: 'edge', baseUrl: 'http://edge:8080', rtspBaseUrl: null, urlTemplates: {}, hasSecret: false },
    integrationToken: { revoked: false, expiresAt: null },
    userToken: null,
    grant: null,
    issuedToUser: false,
    ...overrides,
  };
}

const nginx = (path: string, method = 'GET'): RequestedResource => ({ protocol: 'nginx', path, method });
const preview = nginx('/gate-hd/preview.jpg');

describe('decide', () => {
  it('allows the exact resource of a valid link, until the earliest expiry it depends on', () => {
    const decision = decide(aLink({ integrationToken: { revoked: false, expiresAt: later(60) } }), preview, NONE, NOW);
    expect(decision).toMatchObject({ allow: true, validUntil: later(60) });
  });

  it.each<[string, Partial<LinkState>, string]>([
    ['revoked', { revoked: true }, 'revoked'],
    ['expired', { expiresAt: NOW }, 'expired'],
    ['camera deleted', { camera: null }, 'camera_gone'],
    ['camera blocked', { camera: { blocked: true, hasStream: true } }, 'camera_blocked'],
    ['stream renamed', { camera: { blocked: false, hasStream: false } }, 'stream_gone'],
    ['integration token revoked', { integrationToken: { revoked: true, expiresAt: null } }, 'issuer_revoked'],
    ['integration token expired', { integrationToken: { revoked: false, expiresAt: NOW } }, 'issuer_expired'],
    ['user token revoked', { userToken: { revoked: true, expiresAt: null }, issuedToUser: true, grant: { expiresAt: null } }, 'issuer_revoked'],
    ['grant deleted', { issuedToUser: true, userToken: { revoked: false, expiresAt: null }, grant: null }, 'grant_gone'],
    ['grant expired', { issuedToUser: true, userToken: { revoked: false, expiresAt: null }, grant: { expiresAt: later(-1) } }, 'grant_expired'],
  ])('refuses when the %s', (_, overrides, reason) => {
    expect(decide(aLink(overrides), preview, NONE, NOW)).toMatchObject({ allow: false, reason });
  });

  it('refuses an unknown token', () => {
    expect(decide(null, preview, NONE, NOW)).toEqual({ allow: false, reason: 'unknown_token' });
  });

  it('opens only the preview it was issued for', () => {
    const link = aLink();
    for (const resource of [
      nginx('/gate-hd/preview.mp4'),
      nginx('/gate-sd/preview.jpg'),
      nginx('/gate-hd/index.m3u8'),
      nginx('/gate-hd/preview.jpg', 'POST'),
    ]) {
      expect(decide(link, resource, NONE, NOW)).toMatchObject({ allow: false, reason: 'wrong_resource' });
    }
    // nginx sends the whole URI; its query is not part of the path.
    expect(decide(link, nginxProtocol.request('/gate-hd/preview.jpg?token=whatever', 'GET', undefined, undefined).resource, NONE, NOW).allow).toBe(true);
    expect(decide(link, nginxProtocol.request('/gate-hd/preview.jpg?token=whatever', undefined, undefined, undefined).resource, NONE, NOW).allow).toBe(false);
    expect(decide(link, nginx('/gate-hd/preview.jpg', 'HEAD'), NONE, NOW).allow).toBe(true);
  });

  it('matches archive previews on their start time', () => {
    const link = aLink({ archiveFrom: new Date('2029-12-31T00:00:00Z'), source: 'mp4' });
    expect(decide(link, nginx(`/gate-hd/${Date.parse('2029-12-31T00:00:00Z') / 1000}-preview.mp4`), NONE, NOW).allow).toBe(true);
    expect(decide(link, nginx('/gate-hd/preview.mp4'), NONE, NOW).allow).toBe(false);
  });

  it('speaks Flussonic and MediaMTX: preview files for preview links, video for live links', () => {
    const flussonic = (name: string, proto: string): RequestedResource => ({ protocol: 'flussonic', name, proto });
    const mediamtx = (path: string, action: string, query = ''): RequestedResource => ({ protocol: 'mediamtx', path, action, query });
    expect(decide(aLink(), flussonic('gate-hd', 'jpeg'), NONE, NOW).allow).toBe(true);
    expect(decide(aLink(), flussonic('gate-hd', 'hls'), NONE, NOW).allow).toBe(false);
    expect(decide(aLink(), flussonic('gate-sd', 'jpeg'), NONE, NOW).allow).toBe(false);
    expect(decide(aLink(), mediamtx('gate-hd', 'read'), NONE, NOW).allow).toBe(false);
    const live = aLink({ kind: 'live' });
    expect(decide(live, flussonic('gate-hd', 'hls'), NONE, NOW).allow).toBe(true);
    expect(decide(live, mediamtx('/gate-hd', 'read'), NONE, NOW).allow).toBe(true);
    expect(decide(live, mediamtx('gate-hd', 'publish'), NONE, NOW).allow).toBe(false);
  });

  it('knows the asking media server by its secret, and opens a link only for its own server', () => {
    const own: Asker = { presented: true, serverId: 'edge' };
    const other: Asker = { presented: true, serverId: 'other-edge' };
    const nobody: Asker = { presented: true, serverId: null };
    const withSecret = aLink({ mediaServer: { id: 'edge', baseUrl: 'http://edge:8080', rtspBaseUrl: null, urlTemplates: {}, hasSecret: true } });
    expect(decide(withSecret, preview, NONE, NOW)).toMatchObject({ allow: false, reason: 'secret_missing' });
    expect(decide(withSecret, preview, nobody, NOW)).toMatchObject({ allow: false, reason: 'secret_wrong' });
    expect(decide(withSecret, preview, other, NOW)).toMatchObject({ allow: false, reason: 'wrong_server' });
    expect(decide(withSecret, preview, own, NOW).allow).toBe(true);
    // A server without a secret trusts its network: asked without one, fine; with another's or an unknown one, refused.
    const trusting = aLink();
    expect(decide(trusting, preview, NONE, NOW).allow).toBe(true);
    expect(decide(trusting, preview, other, NOW)).toMatchObject({ allow: false, reason: 'wrong_server' });
    expect(decide(trusting, preview, nobody, NOW)).toMatchObject({ allow: false, reason: 'secret_wrong' });
  });
});
