import { Prisma } from '../generated/prisma/client';

/**
 * What a link can do now, by the rules verification applies (apart from which resource is
 * asked for): `active` opens; `suspended` is refused while its camera is blocked or its stream
 * is gone, and may open again; `expired` and `revoked` never open again.
 */
export type LinkStatus = 'active' | 'suspended' | 'expired' | 'revoked';
export const LINK_STATUSES: LinkStatus[] = ['active', 'suspended', 'expired', 'revoked'];

/**
 * Why a link itself no longer opens, in the order both sides check: `decide()`
 * (src/verification/link-decision.ts) refuses with the first cause that holds, and `statusAt`
 * below shows that cause's status. Permanent causes come before the ones that may pass, so a
 * link whose token was revoked while its camera is blocked reads `revoked` on both sides.
 * test/link-status.e2e-spec.ts builds each state and holds the two sides together.
 */
export const STATUS_OF_CAUSE = {
  revoked: 'revoked',
  expired: 'expired',
  camera_gone: 'revoked',
  issuer_revoked: 'revoked',
  grant_gone: 'revoked',
  issuer_expired: 'expired',
  grant_expired: 'expired',
  camera_blocked: 'suspended',
  stream_gone: 'suspended',
} as const satisfies Record<string, LinkStatus>;
export type LinkCause = keyof typeof STATUS_OF_CAUSE;

/**
 * LinkStatus in SQL, over issued_links `l` joined to its camera `c`, grant `g` and tokens `it`,
 * `ut` as IssuedLinksRepository's ISSUED_UNDER joins them; each WHEN is a cause above, in order.
 */
export function statusAt(now: Date): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN l.revoked_at IS NOT NULL THEN 'revoked'
    WHEN l.expires_at <= ${now} THEN 'expired'
    WHEN c.generation IS DISTINCT FROM l.camera_generation THEN 'revoked'
    WHEN (l.integration_token_id IS NOT NULL AND (it.id IS NULL OR it.revoked_at IS NOT NULL))
      OR (l.user_token_id IS NOT NULL AND (ut.id IS NULL OR ut.revoked_at IS NOT NULL)) THEN 'revoked'
    WHEN l.user_id IS NOT NULL AND g.id IS NULL THEN 'revoked'
    WHEN it.expires_at <= ${now} OR ut.expires_at <= ${now} THEN 'expired'
    WHEN l.user_id IS NOT NULL AND g.expires_at <= ${now} THEN 'expired'
    WHEN c.blocked THEN 'suspended'
    WHEN NOT EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = l.camera_uuid AND s.name = l.stream_name) THEN 'suspended'
    ELSE 'active' END`;
}

/** The earliest a link that has not expired at `now` can have been issued (`ttlMax` in seconds). */
export function earliestIssuedUnexpired(now: Date, ttlMax: number): Date {
  return new Date(now.getTime() - ttlMax * 1000);
}
