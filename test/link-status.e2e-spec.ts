import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { hashToken, linkTokenDay } from '../src/auth/tokens';
import { LINK_STATUSES, type LinkStatus, STATUS_OF_CAUSE } from '../src/links/link-status';
import { decide } from '../src/verification/link-decision';
import { VerificationRepository } from '../src/verification/verification.repository';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const PAST = new Date(Date.now() - 3_600_000);

/** One link and what it was issued under, as a case's change sees them. */
interface Issued {
  linkId: string;
  cameraUuid: string;
  integrationTokenId: string;
  userTokenId: string | null;
  grantId: string | null;
}
type Change = (t: TestApp, issued: Issued) => Promise<unknown>;

const revokeLink: Change = (t, { linkId }) =>
  t.prisma.issuedLink.updateMany({ where: { id: linkId }, data: { revokedAt: PAST } });
/** A bulk revocation in force whose job has not marked the row yet (src/admin/revocations). */
const revokeByRule: Change = (t, { cameraUuid }) =>
  t.prisma.revocationRule.create({
    data: { cameraUuid, cutOff: new Date(), revokedBy: 'bootstrap', revokedByAdminId: BOOTSTRAP_ADMIN.id },
  });
const expireLink: Change = (t, { linkId }) =>
  t.prisma.issuedLink.updateMany({ where: { id: linkId }, data: { expiresAt: PAST } });
const deleteCamera: Change = (t, { cameraUuid }) => t.prisma.camera.delete({ where: { uuid: cameraUuid } });
const newCameraGeneration: Change = (t, { cameraUuid }) =>
  t.prisma
    .$executeRaw`UPDATE cameras SET generation = nextval(pg_get_serial_sequence('cameras', 'generation')) WHERE uuid = ${cameraUuid}::uuid`;
const blockCamera: Change = (t, { cameraUuid }) =>
  t.prisma.camera.update({ where: { uuid: cameraUuid }, data: { blocked: true } });
/** The camera keeps none of the stream names its links were issued for. */
const removeStreams: Change = (t, { cameraUuid }) => t.prisma.cameraStream.deleteMany({ where: { cameraUuid } });
const integrationToken =
  (data: object): Change =>
  (t, { integrationTokenId }) =>
    t.prisma.integrationToken.update({ where: { id: integrationTokenId }, data });
const deleteIntegrationToken: Change = (t, { integrationTokenId }) =>
  t.prisma.integrationToken.delete({ where: { id: integrationTokenId } });
const userToken =
  (data: object): Change =>
  (t, { userTokenId }) =>
    t.prisma.userToken.update({ where: { id: userTokenId! }, data });
const deleteGrant: Change = (t, { grantId }) => t.prisma.accessGrant.delete({ where: { id: grantId! } });
const expireGrant: Change = (t, { grantId }) =>
  t.prisma.accessGrant.update({ where: { id: grantId! }, data: { expiresAt: PAST } });

/**
 * One status rule: what the admin listing (SQL, link-status.ts) says of a link equals what
 * verification (decide(), in TypeScript) concludes for its own file, for every cause a link is
 * refused for, alone and where two causes meet. Changing either side alone fails a row here.
 */
const CASES: { name: string; toUser?: boolean; changes: Change[]; status: LinkStatus }[] = [
  { name: 'nothing changed', changes: [], status: 'active' },
  { name: 'issued to a user, nothing changed', toUser: true, changes: [], status: 'active' },
  { name: 'revoked', changes: [revokeLink], status: 'revoked' },
  { name: 'revoked by a rule, row not marked yet', changes: [revokeByRule], status: 'revoked' },
  { name: 'past its expiry, then revoked by a rule', changes: [expireLink, revokeByRule], status: 'expired' },
  { name: 'past its expiry', changes: [expireLink], status: 'expired' },
  { name: 'camera deleted', changes: [deleteCamera], status: 'revoked' },
  { name: 'camera in a new generation', changes: [newCameraGeneration], status: 'revoked' },
  { name: 'integration token revoked', changes: [integrationToken({ revokedAt: PAST })], status: 'revoked' },
  { name: 'integration token deleted', changes: [deleteIntegrationToken], status: 'revoked' },
  { name: 'integration token expired', changes: [integrationToken({ expiresAt: PAST })], status: 'expired' },
  { name: 'user token revoked', toUser: true, changes: [userToken({ revokedAt: PAST })], status: 'revoked' },
  { name: 'user token expired', toUser: true, changes: [userToken({ expiresAt: PAST })], status: 'expired' },
  { name: 'grant deleted', toUser: true, changes: [deleteGrant], status: 'revoked' },
  { name: 'grant expired', toUser: true, changes: [expireGrant], status: 'expired' },
  { name: 'camera blocked', changes: [blockCamera], status: 'suspended' },
  { name: 'stream gone', changes: [removeStreams], status: 'suspended' },
  { name: 'revoked and past its expiry', changes: [revokeLink, expireLink], status: 'revoked' },
  {
    name: 'past its expiry, token revoked',
    changes: [expireLink, integrationToken({ revokedAt: PAST })],
    status: 'expired',
  },
  {
    name: 'camera blocked, token revoked',
    changes: [blockCamera, integrationToken({ revokedAt: PAST })],
    status: 'revoked',
  },
  { name: 'camera blocked, grant deleted', toUser: true, changes: [blockCamera, deleteGrant], status: 'revoked' },
  { name: 'camera blocked, grant expired', toUser: true, changes: [blockCamera, expireGrant], status: 'expired' },
  {
    name: 'token expired, grant deleted',
    toUser: true,
    changes: [userToken({ expiresAt: PAST }), deleteGrant],
    status: 'revoked',
  },
  { name: 'camera blocked, stream gone', changes: [blockCamera, removeStreams], status: 'suspended' },
  {
    name: 'stream gone, token expired',
    changes: [removeStreams, integrationToken({ expiresAt: PAST })],
    status: 'expired',
  },
];

describe(`one status rule: the admin listing and verification agree (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function issue(toUser: boolean): Promise<{ issued: Issued; url: URL }> {
    const camera = await aCamera(t.prisma);
    const integration = await anIntegration(t.prisma);
    const user = toUser ? await aUser(t.prisma) : null;
    const grant = user ? await aGrant(t.prisma, user.user.id, camera.uuid) : null;
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(user?.token ?? integration.token))
      .send({ cameras: [{ uuid: camera.uuid }], source: 'jpg' });
    expect(res.status).toBe(200);
    const url = new URL(res.body[0].url);
    const link = await t.prisma.issuedLink.findFirstOrThrow({
      where: { tokenHash: hashToken(url.searchParams.get('token')!) },
    });
    const issued = {
      linkId: link.id,
      cameraUuid: camera.uuid,
      integrationTokenId: integration.tokenId,
      userTokenId: user?.tokenId ?? null,
      grantId: grant?.id ?? null,
    };
    return { issued, url };
  }

  it.each(CASES)('$name: $status on both sides', async ({ toUser, changes, status }) => {
    const { issued, url } = await issue(toUser ?? false);
    for (const change of changes) await change(t, issued);

    const listed = await t.http().get(`/api/v1/admin/links/${issued.linkId}`).set(bearer(TEST_ADMIN_TOKEN));
    expect(listed.status).toBe(200);
    const token = url.searchParams.get('token')!;
    const state = await t.app.get(VerificationRepository).findLinkState(hashToken(token), linkTokenDay(token));
    const decision = decide(
      state,
      { protocol: 'nginx', path: url.pathname, method: 'GET' },
      { presented: false },
      new Date(),
    );
    const decided = decision.allow ? 'active' : STATUS_OF_CAUSE[decision.reason as keyof typeof STATUS_OF_CAUSE];

    expect({ listed: listed.body.status, decided }).toEqual({ listed: status, decided: status });

    // Each status's listing finds it (the revoked and suspended ones by what ended: their own
    // parts, not statusAt over every link), and no other status's does.
    const listedUnder: LinkStatus[] = [];
    for (const filter of LINK_STATUSES) {
      const page = await t.http().get(`/api/v1/admin/links?status=${filter}`).set(bearer(TEST_ADMIN_TOKEN));
      expect(page.status).toBe(200);
      if (page.body.data.some((link: { id: string }) => link.id === issued.linkId)) listedUnder.push(filter);
    }
    expect(listedUnder).toEqual([status]);
  });
});
