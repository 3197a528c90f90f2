-- A finished rule (its rows all marked) stays in force: a link issued before its cut-off but
-- committed after the marking passed it is refused by the rule alone (src/links/link-status.ts,
-- REVOKED_AT_SQL). Every lookup now probes all rules by cut-off, within the link's lifetime.
DROP INDEX "revocation_rules_in_force_idx";
CREATE INDEX "revocation_rules_cut_off_idx" ON "revocation_rules"("cut_off");

-- Finishing a rule changes no link's state any more: only a new rule, a changed cut-off and a
-- deleted rule (retention, once no link it selects is left unmarked) notify.
DROP TRIGGER "revocation_rules_changed" ON "revocation_rules";
CREATE TRIGGER "revocation_rules_changed" AFTER INSERT OR DELETE OR UPDATE OF "cut_off" ON "revocation_rules"
  FOR EACH ROW EXECUTE FUNCTION "camlinks_notify_revocation_rule"();
