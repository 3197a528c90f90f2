-- AlterTable
ALTER TABLE "media_servers" ADD COLUMN     "control_api_password" TEXT,
ADD COLUMN     "control_api_url" TEXT,
ADD COLUMN     "control_api_username" TEXT;
