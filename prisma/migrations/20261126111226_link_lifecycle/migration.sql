-- Links record what they were issued under: their camera's generation and, for a user's link,
-- its grant's generation (term). Both are sequences, so a camera re-created with the same uuid
-- or a grant renewed after it expired never matches a link issued before.

-- AlterTable
ALTER TABLE "access_grants" ADD COLUMN     "generation" SERIAL NOT NULL;

-- AlterTable
ALTER TABLE "cameras" ADD COLUMN     "generation" SERIAL NOT NULL;

-- AlterTable (hand-edited: links that can still open take the generations they were issued
-- under, which are the current ones. The others keep 0, which no camera ever has: expired links
-- are refused and listed as expired before their generation matters, so the backfill touches
-- at most LINK_TTL_MAX worth of links, not the whole table.)
ALTER TABLE "issued_links" ADD COLUMN     "camera_generation" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "grant_generation" INTEGER;

UPDATE "issued_links" AS l SET "camera_generation" = c."generation" FROM "cameras" AS c
 WHERE c."uuid" = l."camera_uuid" AND l."expires_at" > now();
UPDATE "issued_links" AS l SET "grant_generation" = g."generation" FROM "access_grants" AS g
 WHERE l."user_id" IS NOT NULL AND g."user_id" = l."user_id" AND g."camera_uuid" = l."camera_uuid" AND l."expires_at" > now();

ALTER TABLE "issued_links" ALTER COLUMN "camera_generation" DROP DEFAULT;
