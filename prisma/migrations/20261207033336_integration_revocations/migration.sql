-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "actor_type" TEXT NOT NULL DEFAULT 'admin';

-- AlterTable
ALTER TABLE "issued_links" ADD COLUMN     "revoked_by_type" TEXT;

-- Until now every audit event was an admin's, but for refused credentials (actor `unauthenticated`,
-- no id), and every revocation an admin's request or the consequence of one.
UPDATE "audit_events" SET "actor_type" = 'unauthenticated' WHERE "actor" = 'unauthenticated' AND "actor_id" IS NULL;
UPDATE "issued_links" SET "revoked_by_type" = 'admin' WHERE "revoked_at" IS NOT NULL;
