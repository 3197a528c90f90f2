import fc from 'fast-check';
import { mergeUsage } from './usage-recorder';
import type { UsageDelta } from './verification.repository';

const time = fc.option(fc.integer({ min: 0, max: 1000 }).map((minute) => new Date(minute * 60_000)));

/** A delta as an instance builds it: a time with its IP or reason, or neither. */
const aDelta = fc
  .record({
    used: time,
    ip: fc.option(fc.ipV4()),
    denied: time,
    reason: fc.constantFrom('expired', 'revoked', 'wrong_resource'),
  })
  .map(({ used, ip, denied, reason }): UsageDelta => ({
    linkId: 'link',
    linkIssuedAt: new Date(0),
    uses: used ? 1 : 0,
    denied: denied ? 1 : 0,
    firstUsedAt: used,
    lastUsedAt: used,
    lastIp: used ? ip : null,
    lastDeniedAt: denied,
    lastDeniedReason: denied ? reason : null,
  }));

describe('mergeUsage', () => {
  it('gives the same result in either order, each field from the event it describes', () => {
    fc.assert(
      fc.property(aDelta, aDelta, (a, b) => {
        fc.pre(
          a.lastUsedAt?.getTime() !== b.lastUsedAt?.getTime() &&
            a.lastDeniedAt?.getTime() !== b.lastDeniedAt?.getTime(),
        );
        const merged = mergeUsage(a, b);
        expect(mergeUsage(b, a)).toEqual(merged);
        const newestUse = [a, b]
          .filter((d) => d.lastUsedAt)
          .sort((x, y) => y.lastUsedAt!.getTime() - x.lastUsedAt!.getTime())[0];
        const newestRefusal = [a, b]
          .filter((d) => d.lastDeniedAt)
          .sort((x, y) => y.lastDeniedAt!.getTime() - x.lastDeniedAt!.getTime())[0];
        expect(merged.uses).toBe(a.uses + b.uses);
        expect(merged.lastUsedAt).toEqual(newestUse?.lastUsedAt ?? null);
        expect(merged.lastIp).toEqual(newestUse?.lastIp ?? [a, b].find((d) => d.lastIp)?.lastIp ?? null);
        expect(merged.lastDeniedReason).toEqual(newestRefusal?.lastDeniedReason ?? null);
        const firsts = [a, b].flatMap((d) => (d.firstUsedAt ? [d.firstUsedAt.getTime()] : []));
        expect(merged.firstUsedAt?.getTime() ?? null).toEqual(firsts.length ? Math.min(...firsts) : null);
      }),
    );
  });
});
