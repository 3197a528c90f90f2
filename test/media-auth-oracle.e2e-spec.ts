import fc from 'fast-check';
import { generateToken, hashToken } from '../src/auth/tokens';
import { aCamera, aMediaServer, bearer } from './support/builders';
import { createTestAppWithIntegration, type TestApp } from './support/test-app';

const AUTH = '/api/v1/media-auth';
const SECRET = 'secret-of-the-only-edge-01';

/**
 * A deployment where every media server has a secret: a caller without it, or with a wrong one,
 * must learn nothing about tokens (issue 19.5). So real, expired, revoked, made-up and absent
 * tokens get the same answer, byte for byte, from every protocol.
 */
describe(`media-auth without the secret: no oracle (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let tokens: { real: string; expired: string; revoked: string };
  let stream: string;
  let playlist: string;

  beforeAll(async () => {
    // Every wrong secret counts against the address's budget of failed credentials: not the subject here.
    const setup = await createTestAppWithIntegration({ RATE_LIMIT_AUTH_FAILURES: '1000/60' });
    t = setup.t;
    const server = await aMediaServer(t.prisma, { verificationSecretHash: hashToken(SECRET) });
    const camera = await aCamera(t.prisma, { mediaServerId: server.id });
    stream = camera.streams[0].name;
    const issue = async () => {
      const res = await t
        .http()
        .post('/api/v1/cameras/video')
        .set(bearer(setup.token))
        .send({ cameras: [{ uuid: camera.uuid }], source: 'hls' });
      expect(res.status).toBe(200);
      const url = new URL(res.body[0].url);
      playlist = url.pathname;
      return url.searchParams.get('token')!;
    };
    tokens = { real: await issue(), expired: await issue(), revoked: await issue() };
    await t.prisma.issuedLink.updateMany({
      where: { tokenHash: hashToken(tokens.expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await t.prisma.issuedLink.updateMany({
      where: { tokenHash: hashToken(tokens.revoked) },
      data: { revokedAt: new Date() },
    });
  });
  afterAll(() => t.close());

  const ask = {
    nginx: (token: string | undefined, secret: Record<string, string>) =>
      t
        .http()
        .get(`${AUTH}/nginx`)
        .set({
          'X-Original-URI': `${playlist}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`,
          'X-Original-Method': 'GET',
          ...secret,
        }),
    flussonic: (token: string | undefined, secret: Record<string, string>) =>
      t
        .http()
        .get(`${AUTH}/flussonic`)
        .set(secret)
        .query({ name: stream, proto: 'hls', ip: '203.0.113.7', ...(token === undefined ? {} : { token }) }),
    mediamtx: (token: string | undefined, secret: Record<string, string>) =>
      t
        .http()
        .post(`${AUTH}/mediamtx`)
        .set(secret)
        .send({
          action: 'read',
          path: stream,
          protocol: 'hls',
          ip: '203.0.113.7',
          ...(token === undefined ? {} : { token }),
        }),
  };
  /** The whole answer but what differs per request anyway: its id, its date and the rate limit's countdown. */
  const answerOf = (res: { status: number; headers: Record<string, string>; text: string }) => {
    const {
      date: _date,
      'x-request-id': _id,
      'x-ratelimit-remaining': _left,
      'x-ratelimit-reset': _reset,
      ...headers
    } = res.headers;
    return { status: res.status, headers, body: res.text };
  };

  it.each(Object.keys(ask) as (keyof typeof ask)[])(
    '%s: the same answer for every token without the secret, or with a wrong one',
    async (protocol) => {
      const withSecret = await ask[protocol](tokens.real, { 'X-Media-Server-Secret': SECRET });
      expect(withSecret.status).toBe(protocol === 'nginx' ? 204 : 200); // the links are good, for their own server
      const candidates = fc.oneof(
        fc.constantFrom<string | undefined>(tokens.real, tokens.expired, tokens.revoked, undefined),
        fc.constant(null).map(() => generateToken('link').token),
        fc.string({ maxLength: 60 }),
      );
      for (const secret of [{}, { 'X-Media-Server-Secret': 'secret-of-no-edge-at-all' }] as Record<string, string>[]) {
        const reference = answerOf(await ask[protocol](tokens.real, secret));
        expect(reference.status).toBeGreaterThanOrEqual(400);
        await fc.assert(
          fc.asyncProperty(candidates, async (token) => {
            expect(answerOf(await ask[protocol](token, secret))).toEqual(reference);
          }),
          { numRuns: 25 },
        );
      }
    },
  );
});
