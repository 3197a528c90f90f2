-- link_counts held a bucket per minute of issue and minute of expiry: some hundred thousand rows
-- for 60 days of links, all summed by every overview (143 ms at 10 M links, 262 ms after a
-- storm's updates). Buckets are now by day of issue (what a partition drop subtracts) and minute
-- of expiry; the retention job (and each start) folds buckets that have expired into one per day
-- of issue (expires_minute = issued_day, in the past for links that expired), so the table holds
-- a row per day plus the buckets still ahead. The overview no longer needs the minute of issue: the
-- links of the current minute of expiry are counted through the unrevoked expires_at index.

-- Triggers wait for the change (their functions name link_counts), so no statement's counts are
-- written between the old buckets and the new ones.
LOCK TABLE "link_counts" IN ACCESS EXCLUSIVE MODE;

ALTER TABLE "link_counts" RENAME COLUMN "issued_minute" TO "issued_day";
ALTER TABLE "link_counts" DROP CONSTRAINT "link_counts_pkey";
-- Buckets already expired are folded at once, as the retention job folds them from now on.
WITH minutes AS (DELETE FROM "link_counts" RETURNING *)
INSERT INTO "link_counts" (expires_minute, issued_day, links, revoked)
SELECT CASE WHEN expires_minute < date_trunc('minute', now(), 'UTC') THEN date_trunc('day', issued_day, 'UTC') ELSE expires_minute END,
       date_trunc('day', issued_day, 'UTC'), sum(links), sum(revoked)
  FROM minutes GROUP BY 1, 2 HAVING sum(links) <> 0 OR sum(revoked) <> 0;
ALTER TABLE "link_counts" ADD CONSTRAINT "link_counts_pkey" PRIMARY KEY ("expires_minute", "issued_day");

DROP FUNCTION "link_counts_add"(timestamptz[], timestamptz[], bigint[], bigint[]);
CREATE FUNCTION "link_counts_add"(buckets_expire timestamptz[], buckets_issued timestamptz[], links_delta bigint[], revoked_delta bigint[]) RETURNS void AS $$
BEGIN
  INSERT INTO link_counts AS c (expires_minute, issued_day, links, revoked)
  SELECT e, i, l, r FROM unnest(buckets_expire, buckets_issued, links_delta, revoked_delta) d(e, i, l, r) ORDER BY e, i
  ON CONFLICT (expires_minute, issued_day) DO UPDATE SET links = c.links + excluded.links, revoked = c.revoked + excluded.revoked;
  DELETE FROM link_counts c USING unnest(buckets_expire, buckets_issued) d(e, i)
   WHERE c.expires_minute = d.e AND c.issued_day = d.i AND c.links = 0 AND c.revoked = 0;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "link_counts_inserted"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT date_trunc('minute', expires_at, 'UTC') e, date_trunc('day', issued_at, 'UTC') i, count(*) l, count(revoked_at) r
      FROM new_links GROUP BY 1, 2) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "link_counts_deleted"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT date_trunc('minute', expires_at, 'UTC') e, date_trunc('day', issued_at, 'UTC') i, -count(*) l, -count(revoked_at) r
      FROM old_links GROUP BY 1, 2) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A change to a link whose bucket was folded lands in its own minute's bucket again: the sums
-- stay right (the overview adds every row of a day), and the next fold takes it in.
CREATE OR REPLACE FUNCTION "link_counts_updated"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT e, i, sum(l) l, sum(r) r FROM (
      SELECT date_trunc('minute', o.expires_at, 'UTC') e, date_trunc('day', o.issued_at, 'UTC') i, -1 l, -(o.revoked_at IS NOT NULL)::int r
        FROM old_links o
      UNION ALL
      SELECT date_trunc('minute', n.expires_at, 'UTC'), date_trunc('day', n.issued_at, 'UTC'), 1, (n.revoked_at IS NOT NULL)::int
        FROM new_links n) u
     GROUP BY 1, 2 HAVING sum(l) <> 0 OR sum(r) <> 0) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
