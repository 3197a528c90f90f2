import fc from 'fast-check';
import { generateToken, hashToken } from '../src/auth/tokens';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const REVOKE = '/api/v1/links/revoke';
const admin = bearer(TEST_ADMIN_TOKEN);

describe(`integrations and users revoke the links they issued (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let camera: { uuid: string };

  beforeAll(async () => {
    t = await createTestApp();
    camera = await aCamera(t.prisma);
  });
  afterAll(() => t.close());

  /** Links issued with these headers, as URLs. */
  async function issue(count: number, headers: Record<string, string>): Promise<URL[]> {
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(headers)
      .send({ cameras: Array.from({ length: count }, () => ({ uuid: camera.uuid })) });
    expect(res.status).toBe(200);
    return res.body.map((link: { url: string }) => new URL(link.url));
  }
  const tokenOf = (url: URL) => url.searchParams.get('token')!;
  const revokedAt = async (url: URL) =>
    (await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(tokenOf(url)) } })).revokedAt;

  it('revokes by token or URL, says which were already revoked or not found, and media servers refuse them at once', async () => {
    const { integration, token } = await anIntegration(t.prisma);
    const [byUrl, byToken, kept] = await issue(3, bearer(token));
    const unknown = generateToken('link').token;
    const res = await t
      .http()
      .post(REVOKE)
      .set(bearer(token))
      .send({ links: [byUrl.href, tokenOf(byToken), unknown, 'not a link', byUrl.href], reason: 'user signed out' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      revoked: [byUrl.href, tokenOf(byToken)],
      already_revoked: [],
      not_found: [unknown, 'not a link'],
    });
    expect(await t.mediaAuth(byUrl)).toBe(403);
    expect(await t.mediaAuth(byToken)).toBe(403);
    expect(await t.mediaAuth(kept)).toBe(204);

    const again = await t
      .http()
      .post(REVOKE)
      .set(bearer(token))
      .send({ links: [tokenOf(byUrl), tokenOf(kept)] });
    expect(again.body).toEqual({ revoked: [tokenOf(kept)], already_revoked: [tokenOf(byUrl)], not_found: [] });

    const listed = await t
      .http()
      .get('/api/v1/admin/links')
      .set(admin)
      .query({ integration_id: integration.id, status: 'revoked' });
    expect(
      listed.body.data.find((link: { token_prefix: string }) => tokenOf(byUrl).startsWith(link.token_prefix)),
    ).toMatchObject({
      revoked_by: integration.name,
      revoked_by_type: 'integration',
      revoked_by_admin_id: null,
      revoked_reason: 'user signed out',
    });
  });

  it('never revokes a link the caller did not issue: another integration, a user token, an integration acting for another user', async () => {
    const [first, second] = await Promise.all([anIntegration(t.prisma), anIntegration(t.prisma)]);
    const [alice, bob] = await Promise.all([aUser(t.prisma), aUser(t.prisma)]);
    await Promise.all([aGrant(t.prisma, alice.user.id, camera.uuid), aGrant(t.prisma, bob.user.id, camera.uuid)]);
    const [others] = await issue(1, bearer(second.token));
    const [forAlice] = await issue(1, { ...bearer(first.token), 'X-User-Token': alice.token });
    const [forBob] = await issue(1, { ...bearer(first.token), 'X-User-Token': bob.token });
    const [alicesOwn] = await issue(1, bearer(alice.token));

    const asFirst = await t
      .http()
      .post(REVOKE)
      .set(bearer(first.token))
      .send({ links: [others.href, alicesOwn.href] });
    expect(asFirst.body).toEqual({ revoked: [], already_revoked: [], not_found: [others.href, alicesOwn.href] });
    const asAlice = await t
      .http()
      .post(REVOKE)
      .set(bearer(alice.token))
      .send({ links: [forAlice.href, forBob.href, alicesOwn.href] });
    expect(asAlice.body).toEqual({
      revoked: [alicesOwn.href],
      already_revoked: [],
      not_found: [forAlice.href, forBob.href],
    });
    const forAliceOnly = await t
      .http()
      .post(REVOKE)
      .set({ ...bearer(first.token), 'X-User-Token': alice.token })
      .send({ links: [forAlice.href, forBob.href] });
    expect(forAliceOnly.body).toEqual({ revoked: [forAlice.href], already_revoked: [], not_found: [forBob.href] });
    for (const url of [others, forBob]) expect(await revokedAt(url)).toBeNull();
    // Its users' links are the integration's own.
    const asIntegration = await t
      .http()
      .post(REVOKE)
      .set(bearer(first.token))
      .send({ links: [forBob.href] });
    expect(asIntegration.body.revoked).toEqual([forBob.href]);
  });

  it('is audited as the caller, with link ids and never a token', async () => {
    const { integration, token } = await anIntegration(t.prisma);
    const [url] = await issue(1, bearer(token));
    await t
      .http()
      .post(REVOKE)
      .set(bearer(token))
      .send({ links: [url.href], reason: 'ticket closed' });
    const id = (await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(tokenOf(url)) } })).id;
    const events = await t
      .http()
      .get('/api/v1/admin/audit-events')
      .set(admin)
      .query({ actor_type: 'integration', actor_id: integration.id });
    expect(events.body.data).toEqual([
      expect.objectContaining({
        actor_type: 'integration',
        actor: integration.name,
        actor_id: integration.id,
        action: 'POST /api/v1/links/revoke',
        object_type: 'links',
        outcome: 'success',
        status_code: 200,
        details: { reason: 'ticket closed', revoked: [id], already_revoked: [], not_found: 0 },
      }),
    ]);
    expect(JSON.stringify(events.body)).not.toContain(tokenOf(url));
  });

  it('refuses what is not a list of up to 100 link strings, and any credential but an integration or user token', async () => {
    const { token } = await anIntegration(t.prisma);
    const invalid = async (body: object) => (await t.http().post(REVOKE).set(bearer(token)).send(body)).body.errors;
    expect(await invalid({ links: [] })).toEqual({ links: ['The links field must contain at least 1 link.'] });
    expect(
      Object.keys(await invalid({ links: Array.from({ length: 101 }, () => generateToken('link').token) })),
    ).toEqual(['links']);
    expect(Object.keys(await invalid({ links: ['x'.repeat(2049)] }))).toEqual(['links']);
    expect(Object.keys(await invalid({ links: [1] }))).toEqual(['links']);
    expect(Object.keys(await invalid({ links: ['cll_x'], extra: true }))).toEqual(['extra']);
    expect(
      (
        await t
          .http()
          .post(REVOKE)
          .send({ links: ['x'] })
      ).status,
    ).toBe(401);
    expect(
      (
        await t
          .http()
          .post(REVOKE)
          .set(admin)
          .send({ links: ['x'] })
      ).status,
    ).toBe(401);
  });

  it('revokes nothing of anyone else, whatever the caller sends (property)', async () => {
    const [caller, victim] = await Promise.all([anIntegration(t.prisma), anIntegration(t.prisma)]);
    const victims = await issue(5, bearer(victim.token));
    const theirs = victims.map(tokenOf);
    const own = (await issue(3, bearer(caller.token))).map(tokenOf);
    const token = fc.constantFrom(...theirs, ...own, generateToken('link').token);
    const hostile = fc.oneof(
      token,
      token.map((tk) => `http://127.0.0.1:8080/x/preview.mp4?token=${tk}`),
      fc.tuple(token, token).map(([a, b]) => `http://evil.test/${a}?token=${b}`),
      fc
        .tuple(token, fc.constantFrom('#', '?t=', '@', '/../', ' ', '%00', '%2F'))
        .map(([tk, odd]) => `http://host/${odd}${tk}`),
      fc.tuple(fc.string({ maxLength: 30 }), token, fc.string({ maxLength: 30 })).map(([a, tk, b]) => `${a}${tk}${b}`),
      token.map((tk) => tk.toUpperCase()),
      token.map((tk) => `http://${tk}@host/x`),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 20 }), async (links) => {
        const res = await t.http().post(REVOKE).set(bearer(caller.token)).send({ links });
        expect([200, 422]).toContain(res.status);
        if (res.status === 200) for (const victimLink of theirs) expect(res.body.revoked).not.toContain(victimLink);
        const touched = await t.prisma.issuedLink.count({
          where: { tokenHash: { in: theirs.map(hashToken) }, revokedAt: { not: null } },
        });
        expect(touched).toBe(0);
      }),
      { numRuns: 40 },
    );
    expect(await t.mediaAuth(victims[0])).toBe(204);
  });
});
