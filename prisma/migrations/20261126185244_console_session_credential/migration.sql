-- AlterTable
ALTER TABLE "admin_sessions" ADD COLUMN     "credential_hash" TEXT;
