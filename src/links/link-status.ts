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

/** Whether the revocation rule `r` selects the link `l` (src/links/revocation-rules.repository.ts). */
export const RULE_SELECTS_SQL = `l.issued_at <= r.cut_off AND l.expires_at > r.cut_off
         AND (r.camera_uuid IS NULL OR r.camera_uuid = l.camera_uuid)
         AND (r.integration_id IS NULL OR r.integration_id = l.integration_id)
         AND (r.user_id IS NULL OR r.user_id = l.user_id)
         AND (r.issued_from IS NULL OR l.issued_at >= r.issued_from)
         AND (r.issued_to IS NULL OR l.issued_at < r.issued_to)
         AND (r.source IS NULL OR r.source = l.source)
         AND (r.kind IS NULL OR r.kind = l.kind)
         AND (r.token_prefix IS NULL OR starts_with(l.token_prefix, r.token_prefix))`;

/**
 * When a link `l` was revoked, in SQL: its own revoked_at, else the cut-off of a revocation rule
 * (a bulk revocation: src/admin/revocations) that selects it. Read by both sides of the one
 * status rule: `statusAt` below and the link states `decide()` judges
 * (src/verification/verification.repository.ts), so a link is refused, and listed as revoked,
 * from the rule's commit on, before its row is marked. A rule whose rows are all marked stays in
 * force: a link issued before its cut-off but committed after the marking passed it is never
 * marked, and the rule alone refuses it (retention deletes the rule once no such link is left).
 * The cut_off index bounds the probe to rules made during the link's lifetime.
 */
export const REVOKED_AT_SQL = `COALESCE(l.revoked_at, (
      SELECT min(r.cut_off) FROM revocation_rules r
       WHERE ${RULE_SELECTS_SQL}))`;

/**
 * How long after its issue time a link's row can still commit: the issuing transaction's
 * statements are bounded far below this (DATABASE_STATEMENT_TIMEOUT_MS), and instances' clocks
 * are expected within it. A rule's marking sees every link committed before it, so the only links
 * a finished rule can leave unmarked were issued within this of its cut-off.
 */
export const LATE_COMMIT_MS = 60_000;

/** camera_gone, issuer_revoked and grant_gone in SQL, over `l` joined as statusAt says. */
const CAMERA_GONE_SQL = 'c.generation IS DISTINCT FROM l.camera_generation';
const ISSUER_REVOKED_SQL = `(l.integration_token_id IS NOT NULL AND (it.id IS NULL OR it.revoked_at IS NOT NULL))
      OR (l.user_token_id IS NOT NULL AND (ut.id IS NULL OR ut.revoked_at IS NOT NULL))`;
const GRANT_GONE_SQL = 'l.user_id IS NOT NULL AND g.id IS NULL';
/**
 * What revokes a link that is neither revoked by an admin or a rule nor expired: something it was
 * issued under is gone or revoked (the three causes after `expired`). The revoked listing reads
 * such links by this alone; revoked_at and the rules have parts of their own.
 */
export const ISSUED_UNDER_REVOKED_SQL = Prisma.raw(
  `(${CAMERA_GONE_SQL} OR ${ISSUER_REVOKED_SQL} OR ${GRANT_GONE_SQL})`,
);

/**
 * LinkStatus in SQL, over issued_links `l` joined to its camera `c`, grant `g` and tokens `it`,
 * `ut` as IssuedLinksRepository's ISSUED_UNDER joins them; each WHEN is a cause above, in order.
 */
export function statusAt(now: Date): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${Prisma.raw(REVOKED_AT_SQL)} IS NOT NULL THEN 'revoked'
    WHEN l.expires_at <= ${now} THEN 'expired'
    WHEN ${Prisma.raw(CAMERA_GONE_SQL)} THEN 'revoked'
    WHEN ${Prisma.raw(ISSUER_REVOKED_SQL)} THEN 'revoked'
    WHEN ${Prisma.raw(GRANT_GONE_SQL)} THEN 'revoked'
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
