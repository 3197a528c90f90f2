import { hashToken } from '../src/auth/tokens';
import { type UsageDelta, VerificationRepository } from '../src/verification/verification.repository';
import { aCamera, anIntegration, bearer } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 12, minute));

/**
 * Two instances verify the same link and flush their counters in either order: the stored
 * usage must be the same both ways, each field from the event it describes.
 */
describe(`usage flushed by several instances (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function aLink(): Promise<string> {
    const camera = await aCamera(t.prisma);
    const { token } = await anIntegration(t.prisma);
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }] });
    const link = new URL(res.body[0].url).searchParams.get('token')!;
    return (await t.prisma.issuedLink.findUniqueOrThrow({ where: { tokenHash: hashToken(link) } })).id;
  }

  const delta = (linkId: string, fields: Partial<UsageDelta>): UsageDelta => ({
    linkId,
    uses: 0,
    denied: 0,
    firstUsedAt: null,
    lastUsedAt: null,
    lastIp: null,
    lastDeniedAt: null,
    lastDeniedReason: null,
    ...fields,
  });
  // Instance A saw the first use and the last refusal; instance B the last use.
  const fromA = (id: string) =>
    delta(id, { uses: 2, firstUsedAt: at(0), lastUsedAt: at(5), lastIp: '192.0.2.1', denied: 1, lastDeniedAt: at(9), lastDeniedReason: 'wrong_resource' });
  const fromB = (id: string) =>
    delta(id, { uses: 1, firstUsedAt: at(3), lastUsedAt: at(7), lastIp: '198.51.100.2', denied: 2, lastDeniedAt: at(4), lastDeniedReason: 'expired' });
  const usage = (id: string) =>
    t.prisma.issuedLink.findUniqueOrThrow({
      where: { id },
      select: { useCount: true, firstUsedAt: true, lastUsedAt: true, lastIp: true, deniedCount: true, lastDeniedAt: true, lastDeniedReason: true },
    });

  it('merges the first use as LEAST, the last as GREATEST, with the IP of the newest use and the reason of the newest refusal', async () => {
    const repository = t.app.get(VerificationRepository);
    const [ab, ba] = [await aLink(), await aLink()];
    await repository.addUsage([fromA(ab)]);
    await repository.addUsage([fromB(ab)]);
    await repository.addUsage([fromB(ba)]);
    await repository.addUsage([fromA(ba)]);
    const expected = {
      useCount: 3,
      firstUsedAt: at(0),
      lastUsedAt: at(7),
      lastIp: '198.51.100.2',
      deniedCount: 3,
      lastDeniedAt: at(9),
      lastDeniedReason: 'wrong_resource',
    };
    expect(await usage(ab)).toEqual(expected);
    expect(await usage(ba)).toEqual(expected);
  });

  it('keeps what it knows when a newer flush knows less: refusals only, or uses without an IP', async () => {
    const repository = t.app.get(VerificationRepository);
    const id = await aLink();
    await repository.addUsage([fromA(id)]);
    await repository.addUsage([delta(id, { denied: 1, lastDeniedAt: at(1), lastDeniedReason: 'expired' })]);
    await repository.addUsage([delta(id, { uses: 1, firstUsedAt: at(8), lastUsedAt: at(8) })]);
    expect(await usage(id)).toEqual({
      useCount: 3,
      firstUsedAt: at(0),
      lastUsedAt: at(8),
      lastIp: '192.0.2.1',
      deniedCount: 2,
      lastDeniedAt: at(9),
      lastDeniedReason: 'wrong_resource',
    });
  });
});
