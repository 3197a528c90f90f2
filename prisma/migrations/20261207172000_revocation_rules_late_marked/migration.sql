-- A link issued before a rule's cut-off but committed after its marking passed it stayed unmarked:
-- refused by the rule alone, counted active by the overview, and probed for by every revoked
-- listing. The job marks those links once LATE_COMMIT_MS past the cut-off has passed, and records it.
ALTER TABLE "revocation_rules" ADD COLUMN "late_marked_at" TIMESTAMPTZ(6);
