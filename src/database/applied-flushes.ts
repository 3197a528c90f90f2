/**
 * A common table expression for counter statements that may run twice with the same batch (a
 * shutdown's flush retried after an unknown outcome, a spool entry applied again after a crash):
 * `claim` has a row only if the id in parameter $2 was not recorded yet, and records it in the
 * same statement, hence the same transaction, as the counts. $2 null: nothing recorded.
 */
export const CLAIM_FLUSH =
  'claim AS (INSERT INTO applied_flushes (id) SELECT $2::uuid WHERE $2::uuid IS NOT NULL ON CONFLICT DO NOTHING RETURNING id)';
