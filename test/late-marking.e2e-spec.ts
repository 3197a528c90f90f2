import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { RevocationJob } from '../src/admin/revocations/revocation-job';
import { LinkCountsRepository } from '../src/links/link-counts.repository';
import { LATE_COMMIT_MS } from '../src/links/link-status';
import { aCamera, anIntegration, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

/**
 * A link issued before a bulk revocation's cut-off can commit after the marking passed it: the
 * rule alone refuses it. Once LATE_COMMIT_MS past the cut-off no such link can still commit, and
 * the job marks them, so that every link the rule selects is marked: counted revoked, and listed
 * without probing the rule.
 */
describe(`late links of a finished revocation (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A finished rule over a camera's links with this cut-off, and that camera's links issued `before` ms before it. */
  async function finishedRuleWithLinks(cutOff: Date, ...before: number[]) {
    const camera = await aCamera(t.prisma);
    const { integration } = await anIntegration(t.prisma);
    const ids = [];
    for (const ms of before) {
      const [{ id }] = await t.prisma.$queryRaw<{ id: string }[]>`
        INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                  issued_at, expires_at, integration_id, camera_generation)
        VALUES (gen_random_uuid(), md5(random()::text), 'cll_x', ${camera.uuid}::uuid, 'high', 'x', 'preview', 'jpg', 3600,
                ${new Date(cutOff.getTime() - ms)}, ${new Date(cutOff.getTime() - ms + 3_600_000)}, ${integration.id}::uuid, ${camera.generation})
        RETURNING id`;
      ids.push(id);
    }
    // As if its job had finished before the links within its last LATE_COMMIT_MS committed.
    const rule = await t.prisma.revocationRule.create({
      data: {
        cameraUuid: camera.uuid,
        cutOff,
        revokedBy: 'bootstrap',
        revokedByAdminId: BOOTSTRAP_ADMIN.id,
        reason: 'late',
        finishedAt: cutOff,
        marked: 10,
      },
    });
    return { rule, ids, camera };
  }
  const marked = (ids: string[]) =>
    t.prisma.issuedLink.findMany({ where: { id: { in: ids }, revokedAt: { not: null } }, select: { id: true } });

  it('marks the links of the last LATE_COMMIT_MS before the cut-off once that has passed, and only those', async () => {
    const now = new Date();
    const cutOff = new Date(now.getTime() - LATE_COMMIT_MS - 1000);
    const { rule, ids, camera } = await finishedRuleWithLinks(cutOff, 10_000, 30_000, LATE_COMMIT_MS + 5000, -1000);
    // The one before the window, its marking marked.
    await t.prisma.issuedLink.updateMany({ where: { id: ids[2] }, data: { revokedAt: cutOff } });
    const before = await t.app.get(LinkCountsRepository).countByState(now);

    // (The rule's notification may have started the job's own pass already.)
    await t.app.get(RevocationJob).markLate(now);
    // The two within the window; not the one issued after the cut-off.
    expect((await marked(ids)).map((link) => link.id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    expect(await t.prisma.issuedLink.findFirstOrThrow({ where: { id: ids[0] } })).toMatchObject({
      revokedAt: cutOff,
      revokedBy: 'bootstrap',
      revokedReason: 'late',
    });
    const late = await t.prisma.revocationRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(late.marked).toBe(12);
    expect(late.lateMarkedAt).not.toBeNull();
    // The overview counts them revoked now.
    const after = await t.app.get(LinkCountsRepository).countByState(now);
    expect([after.active, after.revoked]).toEqual([before.active - 2, before.revoked + 2]);
    // Listed as revoked by their rows, once each (the rule is no longer a part of the listing).
    const listed = await t
      .http()
      .get('/api/v1/admin/links')
      .set(bearer(TEST_ADMIN_TOKEN))
      .query({ camera_uuid: camera.uuid, status: 'revoked' });
    expect(listed.body.data.map((link: { id: string }) => link.id).sort()).toEqual([ids[0], ids[1], ids[2]].sort());
    // Done once: a second pass marks nothing more.
    await t.app.get(RevocationJob).markLate(new Date(now.getTime() + 1000));
    expect((await t.prisma.revocationRule.findUniqueOrThrow({ where: { id: rule.id } })).marked).toBe(12);
  });

  it('comes back for a rule whose late window closes later, by itself', async () => {
    const cutOff = new Date(Date.now() - LATE_COMMIT_MS + 500);
    const { rule, ids } = await finishedRuleWithLinks(cutOff, 1000);
    await t.app.get(RevocationJob).markLate(new Date());
    expect(await marked(ids)).toEqual([]);
    await eventually(async () => {
      expect(await marked(ids)).toEqual([{ id: ids[0] }]);
      expect((await t.prisma.revocationRule.findUniqueOrThrow({ where: { id: rule.id } })).lateMarkedAt).not.toBeNull();
    }, 5000);
  });
});
