-- issued_links becomes a table partitioned by issue time (issue 22.5): a partition per UTC day,
-- made ahead of time (camlinks_create_link_partitions, run at start and every hour), and dropped
-- whole by retention once every link in it expired more than LINK_RETENTION_DAYS ago, so expired
-- links are never DELETEd and leave no dead rows. What PostgreSQL requires of a partitioned table,
-- and what follows from it:
-- * Every unique index includes the partition key. The primary key is (id, issued_at); a link
--   token's hash is unique per day's partition (a per-partition index, made with the partition),
--   and a link token carries its issue day (src/auth/tokens.ts), so the same hash always falls in
--   the same partition: unique across the table. The lookup by hash names the day and probes one
--   partition's index.
-- * A foreign key referencing the table would have to include issued_at, and a partition holding
--   a referenced row cannot be detached. viewing_sessions.link_id is therefore kept by camlinks:
--   retention deletes the sessions of a partition's links in the transaction that drops it.
-- * A DEFAULT partition takes links of days with no partition of their own (a clock far off, or
--   rows written by hand); retention deletes its expired rows in batches, as before.
--
-- The existing table is copied, not rewritten in place: this holds an ACCESS EXCLUSIVE lock on
-- issued_links for the copy and the index builds (docs/OPERATIONS.md gives the cost per million
-- rows). Triggers and indexes other migrations made on the old table are carried over as they are
-- defined: captured here by pg_get_triggerdef/pg_get_indexdef, re-created on the new table.

CREATE TEMPORARY TABLE "camlinks_issued_links_carried" ("kind" TEXT NOT NULL, "definition" TEXT NOT NULL, "comment" TEXT);
INSERT INTO "camlinks_issued_links_carried"
  SELECT 'trigger', pg_get_triggerdef(t.oid), NULL FROM pg_trigger t
   WHERE t.tgrelid = 'issued_links'::regclass AND NOT t.tgisinternal;
-- Indexes but the two this migration replaces (the key, and the token hash made per partition).
INSERT INTO "camlinks_issued_links_carried"
  SELECT 'index', pg_get_indexdef(i.indexrelid), obj_description(i.indexrelid, 'pg_class') FROM pg_index i
   WHERE i.indrelid = 'issued_links'::regclass
     AND i.indexrelid::regclass::text NOT IN ('issued_links_pkey', 'issued_links_token_hash_key');

ALTER TABLE "viewing_sessions" DROP CONSTRAINT "viewing_sessions_link_id_fkey";
ALTER TABLE "issued_links" RENAME TO "issued_links_unpartitioned";
ALTER TABLE "issued_links_unpartitioned" RENAME CONSTRAINT "issued_links_pkey" TO "issued_links_unpartitioned_pkey";

CREATE TABLE "issued_links" (LIKE "issued_links_unpartitioned" INCLUDING DEFAULTS INCLUDING COMMENTS INCLUDING STORAGE)
  PARTITION BY RANGE ("issued_at");
ALTER TABLE "issued_links" ADD CONSTRAINT "issued_links_pkey" PRIMARY KEY ("id", "issued_at");
CREATE TABLE "issued_links_default" PARTITION OF "issued_links" DEFAULT;
CREATE UNIQUE INDEX "issued_links_default_token_hash_key" ON "issued_links_default" ("token_hash");

-- The partitions of the days from `first` to `last` (UTC) that do not exist yet, each with its
-- unique index on token_hash. One caller at a time (an advisory lock): instances starting together
-- wait for each other rather than fail on the same name. A day whose links already sit in the
-- DEFAULT partition cannot get a partition of its own; it is skipped with a warning.
CREATE FUNCTION "camlinks_create_link_partitions"("first" DATE, "last" DATE) RETURNS INTEGER AS $$
DECLARE
  day DATE;
  name TEXT;
  created INTEGER := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('camlinks_create_link_partitions'));
  FOR day IN SELECT d::date FROM generate_series("first", "last", interval '1 day') AS d LOOP
    name := 'issued_links_p' || to_char(day, 'YYYYMMDD');
    CONTINUE WHEN to_regclass(quote_ident(name)) IS NOT NULL;
    BEGIN
      EXECUTE format('CREATE TABLE %I PARTITION OF "issued_links" FOR VALUES FROM (%L) TO (%L)',
                     name, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
      EXECUTE format('CREATE UNIQUE INDEX %I ON %I ("token_hash")', name || '_token_hash_key', name);
      created := created + 1;
    EXCEPTION WHEN check_violation THEN
      RAISE WARNING 'issued_links: no partition for %, the DEFAULT partition holds links of that day', day;
    END;
  END LOOP;
  RETURN created;
END
$$ LANGUAGE plpgsql;

-- The days the existing links were issued on, and today's and the next week's.
SELECT "camlinks_create_link_partitions"("day", "day")
  FROM (SELECT DISTINCT ("issued_at" AT TIME ZONE 'UTC')::date AS "day" FROM "issued_links_unpartitioned") AS "days";
SELECT "camlinks_create_link_partitions"((now() AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date + 7);

INSERT INTO "issued_links" SELECT * FROM "issued_links_unpartitioned";
DROP TABLE "issued_links_unpartitioned";

DO $$
DECLARE carried RECORD;
BEGIN
  FOR carried IN SELECT * FROM "camlinks_issued_links_carried" ORDER BY "kind" LOOP
    EXECUTE carried."definition";
    IF carried."comment" IS NOT NULL THEN
      EXECUTE format('COMMENT ON INDEX %s IS %L', substring(carried."definition" FROM 'INDEX (\S+) ON'), carried."comment");
    END IF;
  END LOOP;
END
$$;
DROP TABLE "camlinks_issued_links_carried";
