-- CreateEnum
CREATE TYPE "admin_role" AS ENUM ('owner', 'admin', 'auditor');

-- AlterTable
ALTER TABLE "admins" ADD COLUMN     "role" "admin_role" NOT NULL DEFAULT 'admin';

-- The built-in bootstrap admin (ADMIN_TOKEN) is an owner.
-- Named admins with a working token were owners in all but name until now: they stay owners, so
-- that an upgrade never leaves a deployment without ADMIN_TOKEN (the recommended one) with nobody
-- able to manage admins. Owners then demote whoever should not be one (docs/PRODUCTION.md).
-- Revoked admins cannot sign in again: they get the default role.
UPDATE "admins" SET "role" = 'owner'
WHERE "id" = '00000000-0000-4000-8000-000000000000' OR ("token_hash" IS NOT NULL AND "revoked_at" IS NULL);
