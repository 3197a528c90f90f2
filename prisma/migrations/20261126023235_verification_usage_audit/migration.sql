-- DropIndex
DROP INDEX "issued_links_issued_at_idx";

-- AlterTable
ALTER TABLE "issued_links" ADD COLUMN     "archive_to" TIMESTAMPTZ(6),
ADD COLUMN     "denied_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "first_used_at" TIMESTAMPTZ(6),
ADD COLUMN     "last_denied_at" TIMESTAMPTZ(6),
ADD COLUMN     "last_denied_reason" TEXT,
ADD COLUMN     "last_ip" TEXT,
ADD COLUMN     "last_used_at" TIMESTAMPTZ(6),
ADD COLUMN     "use_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "media_servers" ADD COLUMN     "verification_secret_hash" TEXT;

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT,
    "outcome" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "request_id" TEXT,
    "client_ip" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_id_idx" ON "audit_events"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "audit_events_object_type_object_id_idx" ON "audit_events"("object_type", "object_id");

-- CreateIndex
CREATE INDEX "issued_links_issued_at_id_idx" ON "issued_links"("issued_at", "id");

-- Change notifications (not modelled by Prisma, so schema diffs leave them alone).
-- Every instance LISTENs on camlinks_changes and drops its cached verification decisions
-- when anything a decision depends on changes, whoever made the change.
CREATE FUNCTION "camlinks_notify_change"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('camlinks_changes', json_build_object('table', TG_TABLE_NAME, 'at', extract(epoch FROM clock_timestamp()))::text);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "issued_links_revoked" AFTER UPDATE OF "revoked_at" ON "issued_links"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "integration_tokens_changed" AFTER INSERT OR UPDATE OR DELETE ON "integration_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "user_tokens_changed" AFTER INSERT OR UPDATE OR DELETE ON "user_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "access_grants_changed" AFTER INSERT OR UPDATE OR DELETE ON "access_grants"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "cameras_changed" AFTER INSERT OR UPDATE OR DELETE ON "cameras"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "camera_streams_changed" AFTER INSERT OR UPDATE OR DELETE ON "camera_streams"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "media_servers_changed" AFTER INSERT OR UPDATE OR DELETE ON "media_servers"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
