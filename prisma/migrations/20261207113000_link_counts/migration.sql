-- CreateTable
CREATE TABLE "link_counts" (
    "expires_minute" TIMESTAMPTZ(6) NOT NULL,
    "issued_minute" TIMESTAMPTZ(6) NOT NULL,
    "links" BIGINT NOT NULL,
    "revoked" BIGINT NOT NULL,

    CONSTRAINT "link_counts_pkey" PRIMARY KEY ("expires_minute","issued_minute")
);

-- The console's overview counted issued_links (issue 22: 724 ms at 10 M links, seconds after a
-- revocation storm and a purge). link_counts keeps the counts as links are issued, revoked,
-- changed and deleted, by statement-level triggers with transition tables: one upsert per
-- statement whatever its size, and valid on a partitioned issued_links too (row-level triggers
-- with transition tables are not). Buckets are minutes in UTC (date_trunc with a zone, so the
-- session's TimeZone cannot move them).

-- Adds one statement's deltas, grouped by bucket. Upserted in key order, so two statements that
-- touch the same buckets wait for each other instead of deadlocking; a bucket left empty (a
-- purge, a link moved to another bucket) is deleted, so the table holds only buckets with links.
CREATE FUNCTION "link_counts_add"(buckets_expire timestamptz[], buckets_issued timestamptz[], links_delta bigint[], revoked_delta bigint[]) RETURNS void AS $$
BEGIN
  INSERT INTO link_counts AS c (expires_minute, issued_minute, links, revoked)
  SELECT e, i, l, r FROM unnest(buckets_expire, buckets_issued, links_delta, revoked_delta) d(e, i, l, r) ORDER BY e, i
  ON CONFLICT (expires_minute, issued_minute) DO UPDATE SET links = c.links + excluded.links, revoked = c.revoked + excluded.revoked;
  DELETE FROM link_counts c USING unnest(buckets_expire, buckets_issued) d(e, i)
   WHERE c.expires_minute = d.e AND c.issued_minute = d.i AND c.links = 0 AND c.revoked = 0;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION "link_counts_inserted"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT date_trunc('minute', expires_at, 'UTC') e, date_trunc('minute', issued_at, 'UTC') i, count(*) l, count(revoked_at) r
      FROM new_links GROUP BY 1, 2) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION "link_counts_deleted"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT date_trunc('minute', expires_at, 'UTC') e, date_trunc('minute', issued_at, 'UTC') i, -count(*) l, -count(revoked_at) r
      FROM old_links GROUP BY 1, 2) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Transition tables cannot go with a column list (UPDATE OF), so every UPDATE fires this one; the
-- usage flush's rows change none of the three columns and add nothing.
CREATE FUNCTION "link_counts_updated"() RETURNS trigger AS $$
BEGIN
  PERFORM link_counts_add(array_agg(e), array_agg(i), array_agg(l), array_agg(r)) FROM (
    SELECT e, i, sum(l) l, sum(r) r FROM (
      SELECT date_trunc('minute', o.expires_at, 'UTC') e, date_trunc('minute', o.issued_at, 'UTC') i, -1 l, -(o.revoked_at IS NOT NULL)::int r
        FROM old_links o
      UNION ALL
      SELECT date_trunc('minute', n.expires_at, 'UTC'), date_trunc('minute', n.issued_at, 'UTC'), 1, (n.revoked_at IS NOT NULL)::int
        FROM new_links n) u
     GROUP BY 1, 2 HAVING sum(l) <> 0 OR sum(r) <> 0) d HAVING count(*) > 0;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION "link_counts_truncated"() RETURNS trigger AS $$
BEGIN
  DELETE FROM link_counts;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "issued_links_counted_insert" AFTER INSERT ON "issued_links"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "link_counts_inserted"();
CREATE TRIGGER "issued_links_counted_update" AFTER UPDATE ON "issued_links"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "link_counts_updated"();
CREATE TRIGGER "issued_links_counted_delete" AFTER DELETE ON "issued_links"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "link_counts_deleted"();
CREATE TRIGGER "issued_links_counted_truncate" AFTER TRUNCATE ON "issued_links"
  FOR EACH STATEMENT EXECUTE FUNCTION "link_counts_truncated"();

-- The links already issued: counted after the triggers exist, whose creation locks issued_links
-- against writes until this migration commits, so no link is counted twice or missed.
INSERT INTO link_counts (expires_minute, issued_minute, links, revoked)
SELECT date_trunc('minute', expires_at, 'UTC'), date_trunc('minute', issued_at, 'UTC'), count(*), count(revoked_at)
  FROM issued_links GROUP BY 1, 2;
