-- CreateTable
CREATE TABLE "revocation_rules" (
    "id" UUID NOT NULL,
    "camera_uuid" UUID,
    "integration_id" UUID,
    "user_id" UUID,
    "issued_from" TIMESTAMPTZ(6),
    "issued_to" TIMESTAMPTZ(6),
    "cut_off" TIMESTAMPTZ(6) NOT NULL,
    "revoked_by" TEXT NOT NULL,
    "revoked_by_admin_id" UUID NOT NULL,
    "reason" TEXT,
    "marked" INTEGER NOT NULL DEFAULT 0,
    "cursor_at" TIMESTAMPTZ(6),
    "cursor_id" UUID,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "revocation_rules_pkey" PRIMARY KEY ("id")
);

-- The rules still in force, read by every link-state lookup and status (src/links/link-status.ts).
CREATE INDEX "revocation_rules_in_force_idx" ON "revocation_rules"("cut_off") WHERE "finished_at" IS NULL;

-- A new rule revokes links at once, so the caches of link states hear it like a revocation;
-- finishing one (its rows all marked, with its cut-off) and deleting one are changes too. Each
-- sends its selection (a few ids and times: far under NOTIFY's 8000 bytes), and each instance
-- drops only the cached states it covers (src/verification/link-state-cache.ts). Row-level: the
-- table is small and not partitioned. The job's progress (marked, cursor) changes no link's
-- state: it notifies nothing.
CREATE FUNCTION "camlinks_notify_revocation_rule"() RETURNS trigger AS $$
DECLARE
  rule "revocation_rules";
BEGIN
  IF TG_OP = 'DELETE' THEN rule := OLD; ELSE rule := NEW; END IF;
  PERFORM pg_notify('camlinks_changes', json_build_object(
    'table', TG_TABLE_NAME, 'at', extract(epoch FROM clock_timestamp()),
    'selection', json_build_object('camera_uuid', rule.camera_uuid, 'integration_id', rule.integration_id,
      'user_id', rule.user_id, 'issued_from', rule.issued_from, 'issued_to', rule.issued_to, 'cut_off', rule.cut_off))::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "revocation_rules_changed" AFTER INSERT OR DELETE OR UPDATE OF "finished_at", "cut_off" ON "revocation_rules"
  FOR EACH ROW EXECUTE FUNCTION "camlinks_notify_revocation_rule"();
CREATE TRIGGER "revocation_rules_truncated" AFTER TRUNCATE ON "revocation_rules"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();

-- The job marks a rule's links with the rule's own cut-off as revoked_at: a state the rule
-- already gave them, so its batches (SET LOCAL camlinks.marking_rule) notify nothing, and the
-- caches stay warm while a million rows are marked.
-- A link's state changes with its revocation, and with anything else a decision reads (an
-- expiry moved, a link rewritten by hand): the usage flush changes none of these, and notifies
-- nothing.
CREATE OR REPLACE FUNCTION "camlinks_notify_links_changed"() RETURNS trigger AS $$
DECLARE
  changed bigint;
  hashes json;
BEGIN
  IF coalesce(current_setting('camlinks.marking_rule', true), '') <> '' THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO changed FROM (
    SELECT 1 FROM new_links n JOIN old_links o ON o.id = n.id
     WHERE (n.revoked_at, n.expires_at, n.kind, n.stream_name, n.source, n.archive_from, n.archive_to, n.camera_uuid,
            n.integration_id, n.user_id, n.integration_token_id, n.user_token_id)
           IS DISTINCT FROM
           (o.revoked_at, o.expires_at, o.kind, o.stream_name, o.source, o.archive_from, o.archive_to, o.camera_uuid,
            o.integration_id, o.user_id, o.integration_token_id, o.user_token_id)
     LIMIT 101) c;
  IF changed = 0 THEN
    RETURN NULL;
  END IF;
  IF changed <= 100 THEN
    SELECT json_agg(n.token_hash) INTO hashes
      FROM new_links n JOIN old_links o ON o.id = n.id
     WHERE (n.revoked_at, n.expires_at, n.kind, n.stream_name, n.source, n.archive_from, n.archive_to, n.camera_uuid,
            n.integration_id, n.user_id, n.integration_token_id, n.user_token_id)
           IS DISTINCT FROM
           (o.revoked_at, o.expires_at, o.kind, o.stream_name, o.source, o.archive_from, o.archive_to, o.camera_uuid,
            o.integration_id, o.user_id, o.integration_token_id, o.user_token_id);
  END IF;
  PERFORM pg_notify('camlinks_changes', json_strip_nulls(json_build_object(
    'table', TG_TABLE_NAME, 'at', extract(epoch FROM clock_timestamp()), 'keys', hashes))::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
