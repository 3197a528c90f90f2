-- AlterTable
ALTER TABLE "revocation_rules" ADD COLUMN     "kind" "link_kind",
ADD COLUMN     "source" TEXT,
ADD COLUMN     "token_prefix" TEXT;

-- The console's bulk revoke selects by source, kind and token prefix too: a rule holds them
-- (src/links/link-status.ts, RULE_SELECTS_SQL), and its notification sends them, so the caches
-- drop only the link states they select (a state has no token prefix: that one is not checked).
CREATE OR REPLACE FUNCTION "camlinks_notify_revocation_rule"() RETURNS trigger AS $$
DECLARE
  rule "revocation_rules";
BEGIN
  IF TG_OP = 'DELETE' THEN rule := OLD; ELSE rule := NEW; END IF;
  PERFORM pg_notify('camlinks_changes', json_build_object(
    'table', TG_TABLE_NAME, 'at', extract(epoch FROM clock_timestamp()),
    'selection', json_build_object('camera_uuid', rule.camera_uuid, 'integration_id', rule.integration_id,
      'user_id', rule.user_id, 'issued_from', rule.issued_from, 'issued_to', rule.issued_to, 'cut_off', rule.cut_off,
      'source', rule.source, 'kind', rule.kind, 'token_prefix', rule.token_prefix))::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
