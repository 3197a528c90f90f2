-- Keyed invalidation of link states (issue 22): a revocation says which links it revoked, so
-- every instance drops only their cached states instead of all of them.
--
-- One statement-level trigger with transition tables (valid on a partitioned table too, unlike
-- a row-level one with transition tables). PostgreSQL refuses a column list (UPDATE OF
-- revoked_at) beside transition tables, so it fires on every UPDATE and looks for rows whose
-- revoked_at changed itself: the usage flush's updates find none and notify nothing.
--
-- Up to 100 revoked links: their token hashes, the link-state cache's keys (64 hex characters
-- each, 100 of them about 6.7 kB, under NOTIFY's 8000-byte payload limit). More: no keys, and
-- every instance empties the cache as before, whatever the statement's size.
CREATE FUNCTION "camlinks_notify_links_changed"() RETURNS trigger AS $$
DECLARE
  changed bigint;
  hashes json;
BEGIN
  SELECT count(*) INTO changed FROM (
    SELECT 1 FROM new_links n JOIN old_links o ON o.id = n.id
     WHERE n.revoked_at IS DISTINCT FROM o.revoked_at
     LIMIT 101) c;
  IF changed = 0 THEN
    RETURN NULL;
  END IF;
  IF changed <= 100 THEN
    SELECT json_agg(n.token_hash) INTO hashes
      FROM new_links n JOIN old_links o ON o.id = n.id
     WHERE n.revoked_at IS DISTINCT FROM o.revoked_at;
  END IF;
  PERFORM pg_notify('camlinks_changes', json_strip_nulls(json_build_object(
    'table', TG_TABLE_NAME, 'at', extract(epoch FROM clock_timestamp()), 'keys', hashes))::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER "issued_links_revoked" ON "issued_links";
CREATE TRIGGER "issued_links_revoked" AFTER UPDATE ON "issued_links"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_links_changed"();
