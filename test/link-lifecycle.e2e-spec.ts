import { hashToken } from '../src/auth/tokens';
import { aCamera, aGrant, aMediaServer, anIntegration, aUser, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const admin = bearer(TEST_ADMIN_TOKEN);
/** How revocations made through the admin API name who made them: the bootstrap admin, for ADMIN_TOKEN. */
const ACTOR = 'bootstrap';

/**
 * A refusal that sticks: a link refused because of what happened to what it was issued under
 * (its camera, grant, user, integration, token) stays refused whatever is done afterwards
 * (unblocking, re-granting, renewing, re-creating the camera with the same uuid), unless an admin
 * explicitly restores it; and the admin listing says so. Each case checks both what a media
 * server hears and what the listing shows.
 */
describe(`refusals that stick (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  interface Link {
    url: URL;
    id: string;
  }

  async function issue(cameraUuid: string, token: string): Promise<Link> {
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: [{ uuid: cameraUuid }], source: 'jpg' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const url = new URL(res.body[0].url);
    const row = await t.prisma.issuedLink.findFirstOrThrow({
      where: { tokenHash: hashToken(url.searchParams.get('token')!) },
    });
    return { url, id: row.id };
  }
  /** What nginx's auth_request hears for the link's own file. */
  const verify = ({ url }: Link) => t.mediaAuth(url);
  /** The link as the admin listing shows it (by camera, as an auditor would look). */
  async function listed(link: Link, cameraUuid: string) {
    const res = await t.http().get(`${ADMIN}/links`).set(admin).query({ camera_uuid: cameraUuid });
    expect(res.status).toBe(200);
    const { status, revoked_reason, revoked_by, revoked_at } = res.body.data.find(
      (l: { id: string }) => l.id === link.id,
    );
    const item = { status, revoked_reason, revoked_by, revoked_at };
    // The link's own page says the same (usage may have been flushed in between).
    expect((await t.http().get(`${ADMIN}/links/${link.id}`).set(admin)).body).toMatchObject(item);
    return item;
  }
  const admitted = async (method: 'patch' | 'post' | 'delete', path: string, body?: object) => {
    const res = await t.http()[method](`${ADMIN}${path}`).set(admin).send(body);
    expect(res.status).toBeLessThan(300);
    return res;
  };
  const revokedBecause = (reason: string) => ({
    status: 'revoked',
    revoked_reason: reason,
    revoked_by: ACTOR,
    revoked_at: expect.any(String),
  });

  describe('a blocked camera', () => {
    it('refuses its links while blocked (suspended), and unblocking does not bring them back: they are revoked', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await anIntegration(t.prisma);
      const link = await issue(camera.uuid, token);
      expect(await verify(link)).toBe(204);

      await admitted('patch', `/cameras/${camera.uuid}`, { blocked: true });
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'suspended', revoked_at: null });
      expect(
        (await t.http().get(`${ADMIN}/links`).set(admin).query({ camera_uuid: camera.uuid, status: 'suspended' })).body
          .data,
      ).toHaveLength(1);

      await admitted('patch', `/cameras/${camera.uuid}`, { blocked: false });
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('camera blocked'));
      // The camera itself is back: a new link opens.
      expect(await verify(await issue(camera.uuid, token))).toBe(204);
    });

    it('opens them again when the admin unblocks with restore_links', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await anIntegration(t.prisma);
      const link = await issue(camera.uuid, token);
      await admitted('patch', `/cameras/${camera.uuid}`, { blocked: true });
      expect(await verify(link)).toBe(403);

      const refused = await t
        .http()
        .patch(`${ADMIN}/cameras/${camera.uuid}`)
        .set(admin)
        .send({ name: 'Still blocked', restore_links: true });
      expect(refused.status).toBe(422);
      expect(Object.keys(refused.body.errors)).toEqual(['restore_links']);

      await admitted('patch', `/cameras/${camera.uuid}`, { blocked: false, restore_links: true });
      expect(await verify(link)).toBe(204);
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'active', revoked_at: null });
    });

    it('leaves links alone when a camera that was not blocked is "unblocked"', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await anIntegration(t.prisma);
      const link = await issue(camera.uuid, token);
      await admitted('patch', `/cameras/${camera.uuid}`, { blocked: false, name: 'Renamed' });
      expect(await verify(link)).toBe(204);
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'active' });
    });
  });

  describe("a user's grant", () => {
    it('deleted, then granted again: the old links stay refused', async () => {
      const camera = await aCamera(t.prisma);
      const { user, token } = await aUser(t.prisma);
      const grant = await aGrant(t.prisma, user.id, camera.uuid);
      const link = await issue(camera.uuid, token);
      expect(await verify(link)).toBe(204);

      await admitted('delete', `/grants/${grant.id}`);
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('grant deleted'));

      await admitted('post', '/grants', { user_id: user.id, camera_uuid: camera.uuid });
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('grant deleted'));
      expect(await verify(await issue(camera.uuid, token))).toBe(204);
    });

    it('expired, then renewed: the links issued under the expired term stay refused', async () => {
      const camera = await aCamera(t.prisma);
      const { user, token } = await aUser(t.prisma);
      const grant = await aGrant(t.prisma, user.id, camera.uuid, new Date(Date.now() + 3_600_000));
      const link = await issue(camera.uuid, token);
      expect(await verify(link)).toBe(204);

      // Time passes: the grant expires (written as another instance would, heard through NOTIFY).
      await t.prisma.accessGrant.update({ where: { id: grant.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await eventually(async () => expect(await verify(link)).toBe(403));
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'expired', revoked_at: null });

      await admitted('patch', `/grants/${grant.id}`, { expires_at: new Date(Date.now() + 86_400_000).toISOString() });
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('grant expired'));
      expect(await verify(await issue(camera.uuid, token))).toBe(204);
    });

    it('extended before it expired: its links keep opening', async () => {
      const camera = await aCamera(t.prisma);
      const { user, token } = await aUser(t.prisma);
      const grant = await aGrant(t.prisma, user.id, camera.uuid, new Date(Date.now() + 3_600_000));
      const link = await issue(camera.uuid, token);
      await admitted('patch', `/grants/${grant.id}`, { expires_at: null });
      expect(await verify(link)).toBe(204);
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'active' });
    });
  });

  it('a camera deleted and re-created with the same uuid does not open the old links', async () => {
    const server = await aMediaServer(t.prisma);
    const camera = await aCamera(t.prisma, { mediaServerId: server.id });
    const { token } = await anIntegration(t.prisma);
    const link = await issue(camera.uuid, token);
    expect(await verify(link)).toBe(204);

    await admitted('delete', `/cameras/${camera.uuid}`);
    expect(await verify(link)).toBe(403);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('camera deleted'));

    await admitted('post', '/cameras', {
      uuid: camera.uuid,
      name: camera.name,
      media_server_id: server.id,
      streams: camera.streams.map(({ type, name }) => ({ type, name })),
      default_stream_type: camera.defaultStreamType,
    });
    expect(await verify(link)).toBe(403);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('camera deleted'));
    expect(await verify(await issue(camera.uuid, token))).toBe(204);
  });

  it('a camera moved to another media server takes its links with it, and moving back does not bring them back; the old server can then go', async () => {
    const [first, second] = [await aMediaServer(t.prisma), await aMediaServer(t.prisma)];
    const camera = await aCamera(t.prisma, { mediaServerId: first.id });
    const { token } = await anIntegration(t.prisma);
    const link = await issue(camera.uuid, token);
    expect(await verify(link)).toBe(204);

    await admitted('patch', `/cameras/${camera.uuid}`, { media_server_id: second.id });
    expect(await verify(link)).toBe(403);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('camera moved to another media server'));
    await admitted('patch', `/cameras/${camera.uuid}`, { media_server_id: first.id });
    expect(await verify(link)).toBe(403);
    await admitted('patch', `/cameras/${camera.uuid}`, { media_server_id: second.id });
    await admitted('delete', `/media-servers/${first.id}`);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('camera moved to another media server'));
  });

  it('a user deleted takes their links with them, including those an integration issued for them', async () => {
    const camera = await aCamera(t.prisma);
    const { user, token } = await aUser(t.prisma);
    const { token: integrationToken } = await anIntegration(t.prisma);
    await aGrant(t.prisma, user.id, camera.uuid);
    const own = await issue(camera.uuid, token);
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set({ ...bearer(integrationToken), 'X-User-Token': token })
      .send({ cameras: [{ uuid: camera.uuid }], source: 'jpg' });
    const forUser = { url: new URL(res.body[0].url), id: '' };
    forUser.id = (
      await t.prisma.issuedLink.findFirstOrThrow({
        where: { tokenHash: hashToken(forUser.url.searchParams.get('token')!) },
      })
    ).id;
    expect(await verify(forUser)).toBe(204);

    await admitted('delete', `/users/${user.id}`);
    for (const link of [own, forUser]) {
      expect(await verify(link)).toBe(403);
      expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('user deleted'));
    }
  });

  it('an integration deleted takes its links with it', async () => {
    const camera = await aCamera(t.prisma);
    const { integration, token } = await anIntegration(t.prisma);
    const link = await issue(camera.uuid, token);
    await admitted('delete', `/integrations/${integration.id}`);
    expect(await verify(link)).toBe(403);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('integration deleted'));
  });

  it('a revoked token takes the links issued with it, and only those', async () => {
    const camera = await aCamera(t.prisma);
    const { integration, token, tokenId } = await anIntegration(t.prisma);
    const second = await t.http().post(`${ADMIN}/integrations/${integration.id}/tokens`).set(admin).send({});
    const link = await issue(camera.uuid, token);
    const other = await issue(camera.uuid, second.body.token);

    await admitted('delete', `/integrations/${integration.id}/tokens/${tokenId}`);
    expect(await verify(link)).toBe(403);
    expect(await listed(link, camera.uuid)).toMatchObject(revokedBecause('integration token revoked'));
    expect(await verify(other)).toBe(204);
    expect(await listed(other, camera.uuid)).toMatchObject({ status: 'active' });
  });

  it('refuses a link whose camera or grant changed generation even without a recorded revocation (a link issued while the change was made)', async () => {
    const camera = await aCamera(t.prisma);
    const { user, token } = await aUser(t.prisma);
    const grant = await aGrant(t.prisma, user.id, camera.uuid);
    const [a, b] = [await issue(camera.uuid, token), await issue(camera.uuid, token)];
    // As if each link had been inserted just after its camera (a) or grant (b) moved on.
    await t.prisma.issuedLink.updateMany({ where: { id: a.id }, data: { cameraGeneration: { decrement: 1 } } });
    await t.prisma.issuedLink.updateMany({ where: { id: b.id }, data: { grantGeneration: { decrement: 1 } } });
    await t.prisma.accessGrant.update({ where: { id: grant.id }, data: { expiresAt: null } }); // announces a change
    for (const link of [a, b]) {
      await eventually(async () => expect(await verify(link)).toBe(403));
      expect(await listed(link, camera.uuid)).toMatchObject({ status: 'revoked', revoked_at: null });
    }
  });
});
