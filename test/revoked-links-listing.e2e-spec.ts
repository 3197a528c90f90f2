import { Prisma } from '../src/generated/prisma/client';
import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { RevocationJob } from '../src/admin/revocations/revocation-job';
import type { OpenDatabase } from '../src/database/open-database';
import { DATABASE_CONNECTION } from '../src/database/prisma.service';
import { aCamera, anIntegration, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const LINKS = '/api/v1/admin/links';
const MINUTE = 60_000;

/**
 * The revoked filter gathers its page from parts (IssuedLinksRepository.listRevoked): links with
 * revoked_at, links a running rule selects but whose rows are not marked yet, and links revoked by
 * what they were issued under. Together they list exactly what the status says, in issue order.
 */
describe(`the links listing's revoked filter (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  const now = Date.now();

  beforeAll(async () => {
    t = await createTestApp();
    // Rules stay unmarked, as while the job is behind (it would mark them within the test).
    await t.app.get(RevocationJob).beforeApplicationShutdown();
  });
  afterAll(() => t.close());

  /** Links of `integrationId`, one a minute until a minute before `end`, cameras taken in turn; ids oldest first. */
  async function insertLinks(
    integrationId: string,
    cameras: { uuid: string; generation: number }[],
    count: number,
    end = now,
  ) {
    const rows = await t.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, integration_id, camera_generation)
      SELECT gen_random_uuid(), md5(random()::text), 'cll_x', (${cameras.map((c) => c.uuid)}::uuid[])[1 + i % ${cameras.length}::int],
             'high', 'x', 'preview', 'jpg', 3600, at, at + interval '1 hour', ${integrationId}::uuid,
             (${cameras.map((c) => c.generation)}::int[])[1 + i % ${cameras.length}::int]
        FROM generate_series(0, ${count - 1}::int) i,
             LATERAL (SELECT ${new Date(end - count * MINUTE)}::timestamptz + i * interval '1 minute') t(at)
       ORDER BY i RETURNING id`;
    return rows.map((row) => row.id);
  }
  const setLinks = (ids: string[], set: Prisma.Sql) =>
    t.prisma.$executeRaw`UPDATE issued_links SET ${set} WHERE id = ANY(${ids}::uuid[])`;
  const aRule = (data: Omit<Prisma.RevocationRuleUncheckedCreateInput, 'revokedBy' | 'revokedByAdminId'>) =>
    t.prisma.revocationRule.create({ data: { revokedBy: 'bootstrap', revokedByAdminId: BOOTSTRAP_ADMIN.id, ...data } });

  /** Every page of the listing, `limit` at a time. */
  async function listAll(query: Record<string, string>, limit: number) {
    const listed: { id: string; status: string; revoked_at: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const res = await t
        .http()
        .get(LINKS)
        .set(bearer(TEST_ADMIN_TOKEN))
        .query({ ...query, limit, ...(cursor && { cursor }) });
      expect(res.status).toBe(200);
      listed.push(...res.body.data);
      cursor = res.body.next_cursor ?? undefined;
    } while (cursor);
    return listed;
  }

  it('lists the links a running rule selects before their rows are marked, in order and across pages', async () => {
    const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
    const { integration } = await anIntegration(t.prisma);
    const ids = await insertLinks(integration.id, [a, b], 24); // even: camera a, odd: camera b
    const at = (i: number) => new Date(now - (24 - i) * MINUTE);
    await setLinks(
      ids.filter((_, i) => i % 5 === 0),
      Prisma.sql`revoked_at = ${new Date(now)}`,
    );
    // Camera b moves on to a new generation: of its links only 7 is neither revoked nor expired by then.
    await t.prisma
      .$executeRaw`UPDATE cameras SET generation = nextval(pg_get_serial_sequence('cameras', 'generation')) WHERE uuid = ${b.uuid}::uuid`;
    await setLinks([ids[9]], Prisma.sql`expires_at = ${at(10)}`); // expired before the rules
    // The others expired since the rules' cut-off: only the rules make them revoked (no longer the
    // unexpired links judged one by one), but the one of a past generation.
    const cutOff = new Date(now - 40_000);
    await setLinks(
      ids.filter((_, i) => i !== 7 && i !== 9),
      Prisma.sql`expires_at = ${new Date(now - 30_000)}`,
    );
    // Camera a's rule, its job past link 8 (the rows it has marked up to there).
    await setLinks(
      ids.filter((_, i) => i % 2 === 0 && i <= 8 && i % 5 !== 0),
      Prisma.sql`revoked_at = ${new Date(now)}`,
    );
    await aRule({ cameraUuid: a.uuid, cutOff, cursorAt: at(8), cursorId: ids[8] });
    // An issue window (links 1 to 3), and camera b's rule that has finished.
    await aRule({ issuedFrom: at(1), issuedTo: at(4), cutOff });
    // Its job marked every link it saw; link 23, issued within LATE_COMMIT_MS before the cut-off,
    // committed after the marking passed it: the rule alone revokes it.
    await setLinks(
      [11, 13, 17, 19, 21].map((i) => ids[i]),
      Prisma.sql`revoked_at = ${cutOff}`,
    );
    await aRule({ cameraUuid: b.uuid, cutOff, finishedAt: new Date(now) });
    // A link of camera a issued after its rule's cut-off: not revoked.
    const [later] = await insertLinks(integration.id, [a], 1);
    await setLinks([later], Prisma.sql`issued_at = ${new Date(now + 1000)}`);

    const everything = await listAll({ integration_id: integration.id }, 100);
    const revoked = everything.filter((link) => link.status === 'revoked');
    const unmarked = revoked.filter((link) => link.revoked_at === null).map((link) => ids.indexOf(link.id));
    // Rule a after its cursor, the window's links of camera b, the link of a past generation, and
    // the late link of the finished rule.
    expect(unmarked.sort((x, y) => x - y)).toEqual([1, 3, 7, 12, 14, 16, 18, 22, 23]);

    for (const limit of [1, 2, 3, 100]) {
      const listed = await listAll({ integration_id: integration.id, status: 'revoked' }, limit);
      expect(listed.map((link) => link.id)).toEqual(revoked.map((link) => link.id));
    }
    const ofCameraA = await listAll({ camera_uuid: a.uuid, status: 'revoked' }, 2);
    expect(ofCameraA.map((link) => ids.indexOf(link.id))).toEqual([22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0]);
  });

  it('reads the revoked links, not every link older than the page', async () => {
    const camera = await aCamera(t.prisma);
    const { integration } = await anIntegration(t.prisma);
    // Many links that are neither revoked nor selected by a rule (expired days ago), older than a few revoked ones.
    const old = await insertLinks(integration.id, [camera], 3000, now - 3 * 24 * 60 * MINUTE);
    const revoked = old.slice(-3);
    await setLinks(revoked, Prisma.sql`revoked_at = ${new Date(now)}`);
    await aRule({ cameraUuid: (await aCamera(t.prisma)).uuid, cutOff: new Date(now) });
    await t.prisma.$executeRawUnsafe('ANALYZE issued_links');

    // Unfiltered, as the console's page: the revoked links of the other test too, fewer than a page.
    const { listed, read } = await listedAndRead({ status: 'revoked' }, 50);
    expect(listed.map((link) => link.id)).toEqual(expect.arrayContaining(revoked));
    expect(read).toBeLessThan(100);
  });

  it('reads, of a token camlinks revoked with its links, only those that could commit after', async () => {
    // The earlier tests' rules and ends (camera b's generation) would have parts of their own to read.
    await t.prisma.revocationRule.deleteMany();
    await t.prisma.issuedUnderEnd.deleteMany();
    const camera = await aCamera(t.prisma);
    const { integration, tokenId } = await anIntegration(t.prisma);
    const issued = await insertLinks(integration.id, [camera], 1000);
    await setLinks(
      issued,
      Prisma.sql`integration_token_id = ${tokenId}::uuid, expires_at = ${new Date(now + 60 * MINUTE)}`,
    );
    const res = await t
      .http()
      .delete(`/api/v1/admin/integrations/${integration.id}/tokens/${tokenId}`)
      .set(bearer(TEST_ADMIN_TOKEN));
    expect(res.status).toBe(204);
    const [end] = await t.prisma.issuedUnderEnd.findMany({ where: { tokenId } });
    const revokedAt = (await t.prisma.issuedLink.findFirstOrThrow({ where: { id: issued[0] } })).revokedAt!;
    expect(end.linksFrom).toEqual(new Date(revokedAt.getTime() - 60_000));
    // Links in use elsewhere, so that reading the unrevoked links is no shortcut.
    const inUse = await insertLinks((await anIntegration(t.prisma)).integration.id, [camera], 1200);
    await setLinks(inUse, Prisma.sql`expires_at = ${new Date(now + 60 * MINUTE)}`);
    // Issued under the token before it was revoked, committed after its links were marked.
    const [late] = await insertLinks(integration.id, [camera], 1, Date.now() - 30_000 + MINUTE);
    await setLinks([late], Prisma.sql`integration_token_id = ${tokenId}::uuid`);
    await t.prisma.$executeRawUnsafe('ANALYZE issued_links');

    const { listed, read } = await listedAndRead({ integration_id: integration.id, status: 'revoked' }, 10);
    expect(listed[0]).toMatchObject({ id: late, status: 'revoked', revoked_at: null });
    // Not the token's thousand links it revoked, one by one, to find the late one.
    expect(read).toBeLessThan(100);
  });

  /** The listing's first page, and how many issued_links rows its page query read. */
  async function listedAndRead(query: Record<string, string>, limit: number) {
    const sent = jest.spyOn(t.app.get<OpenDatabase>(DATABASE_CONNECTION).sql, 'queryUnnamed');
    const res = await t
      .http()
      .get(LINKS)
      .set(bearer(TEST_ADMIN_TOKEN))
      .query({ ...query, limit });
    expect(res.status).toBe(200);
    const [text, values] = sent.mock.calls.find(([text]) => text.includes('issued_links l'))!;
    sent.mockRestore();
    // On a table this small the planner would rightly read a whole partition; forbidding that shows the plan a big one gets.
    const [{ 'QUERY PLAN': plan }] = await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
        ...values,
      );
    });
    const [{ Plan: root }] = typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : plan;
    return {
      listed: res.body.data as { id: string; status: string; revoked_at: string | null }[],
      read: linksRead(root),
    };
  }
});

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** The issued_links rows a plan read: those its scans returned or filtered out, over all loops. */
function linksRead(node: PlanNode): number {
  const own = node['Relation Name']?.startsWith('issued_links')
    ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + linksRead(child), 0);
}
