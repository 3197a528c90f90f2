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
    issued: { cameraUuid: 'camera', integrationId: 'integration', userId: null, at: new Date(0) },
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
    [
      'user token revoked',
      { userToken: { revoked: true, expiresAt: null }, issuedToUser: true, grant: { expiresAt: null } },
      'issuer_revoked',
    ],
    [
      'grant deleted',
      { issuedToUser: true, userToken: { revoked: false, expiresAt: null }, grant: null },
      'grant_gone',
    ],
    [
      'grant expired',
      { issuedToUser: true, userToken: { revoked: false, expiresAt: null }, grant: { expiresAt: later(-1) } },
      'grant_expired',
    ],
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
    expect(
      decide(
        link,
        nginxProtocol.request('/gate-hd/preview.jpg?token=whatever', 'GET', undefined, undefined).resource,
        NONE,
        NOW,
      ).allow,
    ).toBe(true);
    expect(
      decide(
        link,
        nginxProtocol.request('/gate-hd/preview.jpg?token=whatever', undefined, undefined, undefined).resource,
        NONE,
        NOW,
      ).allow,
    ).toBe(false);
    expect(decide(link, nginx('/gate-hd/preview.jpg', 'HEAD'), NONE, NOW).allow).toBe(true);
  });

  it('matches archive previews on their start time', () => {
    const link = aLink({ archiveFrom: new Date('2029-12-31T00:00:00Z'), source: 'mp4' });
    expect(
      decide(link, nginx(`/gate-hd/${Date.parse('2029-12-31T00:00:00Z') / 1000}-preview.mp4`), NONE, NOW).allow,
    ).toBe(true);
    expect(decide(link, nginx('/gate-hd/preview.mp4'), NONE, NOW).allow).toBe(false);
  });

  it('speaks Flussonic and MediaMTX: preview files for preview links, video for live links', () => {
    const flussonic = (name: string, proto: string): RequestedResource => ({ protocol: 'flussonic', name, proto });
    const mediamtx = (path: string, action: string, query = ''): RequestedResource => ({
      protocol: 'mediamtx',
      path,
      action,
      query,
    });
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
    const withSecret = aLink({
      mediaServer: { id: 'edge', baseUrl: 'http://edge:8080', rtspBaseUrl: null, urlTemplates: {}, hasSecret: true },
    });
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

  describe('what a video link opens (nginx), by allow-list', () => {
    const live = aLink({ kind: 'live', source: 'hls', streamName: 'yard' });
    const opens = (link: LinkState, path: string) => decide(link, nginx(path), NONE, NOW).allow;
    const T = Math.floor(NOW.getTime() / 1000) - 3600;

    it('opens its playlists, track playlists and recent segments', () => {
      for (const path of [
        '/yard/index.m3u8',
        '/yard/tracks-v1a1/mono.m3u8',
        '/yard/seg-1.ts',
        '/yard/video1_stream.m3u8',
        '/yard/tracks-v1/segment-000123.ts',
      ]) {
        expect([path, opens(live, path)]).toEqual([path, true]);
      }
      expect(opens(live, '/yard/2030/01/01/11/59/30-06000.ts')).toBe(true);
      expect(opens(live, '/yard/2030/01/01/11/40/00-06000.ts')).toBe(false); // 20 minutes ago: archive
      expect(opens(live, '/yard/2030/01/01/12/10/00-06000.ts')).toBe(false); // in the future
    });

    it.each([
      `archive-${T}-3600.mp4`,
      `archive-${T}-3600.ts`,
      `index-${T}-3600.ts`,
      `index-${T}-3600.mpd`,
      `archive-${T}-now.mpd`,
      `archive/${T}/3600/mpegts`,
      'timeshift_rel-3600.m3u8',
      `timeshift_abs-${T}.ts`,
      `timeshift_abs-${T}.m3u8`,
      `index-${T}-now.m3u8`,
      `archive-${T}-3600.m3u8`,
      `ARCHIVE-${T}-3600.MP4`,
      `Index-${T}-3600.TS`,
      'TIMESHIFT_REL-3600.M3U8',
      'rewind-7200.m3u8',
      'dvr.m3u8',
      'preview.jpg',
    ])("never opens Flussonic's DVR and timeshift name %s with a live link", (name) => {
      expect(opens(live, `/yard/${name}`)).toBe(false);
      expect(opens(live, `/yard/tracks-v1/${name}`)).toBe(false);
    });

    it('opens nothing of another stream: not one its name is a prefix of, nor through an encoded or authority-form path', () => {
      for (const path of [
        '/yard/north/index.m3u8',
        '/yard-north/index.m3u8',
        '/yardnorth/index.m3u8',
        '//yard/index.m3u8',
        '//site2/yard/index.m3u8',
        '/\\site2/yard/index.m3u8',
        '/yard/..%2Fgate%2Findex.m3u8',
        '/yard%2F..%2Fgate/index.m3u8',
        '/yard/%2e%2e/gate/index.m3u8',
        '/yard/%252e%252e/gate/index.m3u8',
        '/yard/./index.m3u8',
        '/yard//index.m3u8',
        '/yard/index.m3u8%00',
        '/yard\\index.m3u8',
      ]) {
        expect([path, opens(live, path)]).toEqual([path, false]);
      }
      const north = aLink({ kind: 'live', source: 'hls', streamName: 'yard/north' });
      expect(opens(north, '/yard/north/index.m3u8')).toBe(true);
      expect(opens(north, '/yard/index.m3u8')).toBe(false);
      // Encoded the way links are built, a stream name with a space or non-ASCII letters still matches.
      expect(opens(aLink({ kind: 'live', source: 'hls', streamName: 'cam 1' }), '/cam%201/index.m3u8')).toBe(true);
    });

    it('opens nothing with a flat template or a stream name that is no directory', () => {
      const flat = aLink({
        kind: 'live',
        source: 'hls',
        mediaServer: {
          id: 'edge',
          baseUrl: 'http://edge:8080',
          rtspBaseUrl: null,
          urlTemplates: { hls_live: '{base_url}/hls/{stream}.m3u8?token={token}' },
          hasSecret: false,
        },
      });
      expect(opens(flat, '/hls/gate-hd.m3u8')).toBe(false);
      expect(opens(flat, '/hls/other.m3u8')).toBe(false);
      for (const streamName of ['..', '.', '']) {
        const odd = aLink({ kind: 'live', source: 'hls', streamName });
        expect(opens(odd, '/index.m3u8')).toBe(false);
        expect(opens(odd, '/other/index.m3u8')).toBe(false);
      }
    });

    it('opens an archive window with chunk lengths capped, so a made-up chunk cannot stretch it', () => {
      const from = new Date('2030-01-01T10:00:00Z');
      const archive = aLink({
        kind: 'archive',
        source: 'hls',
        streamName: 'yard',
        archiveFrom: from,
        archiveTo: new Date('2030-01-01T11:00:00Z'),
      });
      const t = from.getTime() / 1000;
      expect(opens(archive, `/yard/index-${t}-3600.m3u8`)).toBe(true);
      expect(opens(archive, '/yard/2030/01/01/10/30/00-06000.ts')).toBe(true);
      expect(opens(archive, '/yard/2030/01/01/09/59/57-06000.ts')).toBe(true); // the first chunk may start a little before
      expect(opens(archive, '/yard/2030/01/01/09/00/00-06000.ts')).toBe(false);
      expect(opens(archive, '/yard/2030/01/01/09/00/00-99999.ts')).toBe(false); // would overlap if its length were believed
      expect(opens(archive, '/yard/2030/01/01/09/59/00-99999.ts')).toBe(false);
      expect(opens(archive, `/yard/index-${t}-7200.m3u8`)).toBe(false);
      expect(opens(archive, `/yard/index-${t}-now.m3u8`)).toBe(false);
      expect(opens(archive, '/yard/index.m3u8')).toBe(false);
      expect(opens(archive, `/yard/archive-${t}-3600.mp4`)).toBe(false); // the MP4 export
    });
  });

  describe('Flussonic media_request and MediaMTX playback', () => {
    const flussonic = (proto: string, mediaRequest?: string): RequestedResource => ({
      protocol: 'flussonic',
      name: 'gate-hd',
      proto,
      mediaRequest,
    });

    it('opens a preview only as its own file when Flussonic names the media request', () => {
      expect(decide(aLink(), flussonic('jpeg', 'preview'), NONE, NOW).allow).toBe(true);
      expect(decide(aLink(), flussonic('jpeg', 'preview.jpg'), NONE, NOW).allow).toBe(true);
      expect(decide(aLink(), flussonic('mp4', 'archive-1893488400-3600'), NONE, NOW).allow).toBe(false);
      expect(decide(aLink(), flussonic('mp4', 'preview.mp4'), NONE, NOW).allow).toBe(false);
      const archivePreview = aLink({ source: 'mp4', archiveFrom: new Date('2029-12-31T00:00:00Z') });
      expect(decide(archivePreview, flussonic('mp4', '1893369600-preview'), NONE, NOW).allow).toBe(true);
      expect(decide(archivePreview, flussonic('mp4', 'preview'), NONE, NOW).allow).toBe(false);
    });

    it('keeps a live link out of the archive when Flussonic names the media request', () => {
      const live = aLink({ kind: 'live', source: 'hls' });
      expect(decide(live, flussonic('hls', 'index'), NONE, NOW).allow).toBe(true);
      expect(decide(live, flussonic('hls', 'archive-1893488400-3600'), NONE, NOW).allow).toBe(false);
      expect(decide(live, flussonic('hls', 'timeshift_rel-600'), NONE, NOW).allow).toBe(false);
      expect(decide(live, flussonic('mpegts', 'TIMESHIFT_ABS-1893488400'), NONE, NOW).allow).toBe(false);
    });

    it('reads a MediaMTX playback request strictly: one start, one duration, no ;', () => {
      const archive = aLink({
        kind: 'archive',
        source: 'hls',
        archiveFrom: new Date('2030-01-01T10:00:00Z'),
        archiveTo: new Date('2030-01-01T11:00:00Z'),
      });
      const playback = (query: string): RequestedResource => ({
        protocol: 'mediamtx',
        path: 'gate-hd',
        action: 'playback',
        query,
      });
      expect(decide(archive, playback('start=2030-01-01T10:10:00Z&duration=600s'), NONE, NOW).allow).toBe(true);
      expect(
        decide(archive, playback('start=2030-01-01T10:10:00Z&start=2029-01-01T00:00:00Z&duration=600s'), NONE, NOW)
          .allow,
      ).toBe(false);
      expect(
        decide(archive, playback('start=2030-01-01T10:10:00Z;start=2029-01-01T00:00:00Z&duration=600s'), NONE, NOW)
          .allow,
      ).toBe(false);
      expect(decide(archive, playback('start=2030-01-01 10:10:00&duration=600s'), NONE, NOW).allow).toBe(false);
      expect(decide(archive, playback('start=2030-01-01T10:10:00Z&duration=10m'), NONE, NOW).allow).toBe(true);
      expect(decide(archive, playback('start=2030-01-01T10:10:00Z&duration=2h'), NONE, NOW).allow).toBe(false);
    });
  });
});
