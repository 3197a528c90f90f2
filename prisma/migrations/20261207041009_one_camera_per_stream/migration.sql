-- One camera per stream (issue 19.3): a second camera on the same media server could use an
-- existing camera's stream name (in another letter case too), and a link or grant for it opened
-- the first camera's video, blocked or not. A stream name is now unique per media server,
-- compared as a media server may compare it: camlinks_stream_key (below).

-- The key, in one place (the trigger and the admin API's lookup of the camera that serves a
-- name): NFC (a decomposed "é" is the precomposed one), ASCII letters in lower case. Case is
-- folded because some media servers (nginx over a case-insensitive file system) serve "Gate" for
-- "gate"; only ASCII letters, so that the key does not depend on the database's collation.
-- Stream names hold no `%`, `.`/`..` or empty segments (src/links/stream-names.ts): they are
-- their own canonical path segments.
CREATE FUNCTION "camlinks_stream_key"(name text) RETURNS text AS $$
  SELECT translate(normalize(name, NFC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

-- DropForeignKey
ALTER TABLE "camera_streams" DROP CONSTRAINT "camera_streams_camera_uuid_fkey";

-- AlterTable: filled from the cameras and the names before they are required.
ALTER TABLE "camera_streams" ADD COLUMN "media_server_id" UUID, ADD COLUMN "name_key" TEXT;
UPDATE "camera_streams" s SET "media_server_id" = c."media_server_id", "name_key" = camlinks_stream_key(s."name")
  FROM "cameras" c WHERE c."uuid" = s."camera_uuid";
ALTER TABLE "camera_streams" ALTER COLUMN "media_server_id" SET NOT NULL;

-- Existing duplicates are reported, all of them, and stop the migration (nothing of it is kept):
-- an admin decides which camera keeps the stream (docs/PRODUCTION.md, "One camera per stream").
DO $$
DECLARE
  found text;
BEGIN
  SELECT string_agg(format('media server %s, stream %L: cameras %s', media_server_id, name, cameras), '; ')
    INTO found
    FROM (SELECT s."media_server_id", s."name_key", min(s."name") AS name,
                 string_agg(format('%s (%s, %s %L)', s."camera_uuid", c."name", s."type", s."name"), ', ' ORDER BY s."camera_uuid", s."type") AS cameras
            FROM "camera_streams" s JOIN "cameras" c ON c."uuid" = s."camera_uuid"
           GROUP BY s."media_server_id", s."name_key"
          HAVING count(*) > 1) AS duplicates;
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'One camera per stream: these cameras share a stream on one media server (names compared ignoring letter case): %. Give each stream one camera (PATCH /api/v1/admin/cameras/{uuid} with other streams, or delete the alias), then migrate again. See docs/PRODUCTION.md, "One camera per stream".', found;
  END IF;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "camera_streams_media_server_id_name_key_key" ON "camera_streams"("media_server_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "cameras_uuid_media_server_id_key" ON "cameras"("uuid", "media_server_id");

-- AddForeignKey
ALTER TABLE "camera_streams" ADD CONSTRAINT "camera_streams_camera_uuid_media_server_id_fkey" FOREIGN KEY ("camera_uuid", "media_server_id") REFERENCES "cameras"("uuid", "media_server_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The key is never written by anyone but this trigger.
CREATE FUNCTION "camlinks_set_stream_key"() RETURNS trigger AS $$
BEGIN
  NEW."name_key" := camlinks_stream_key(NEW."name");
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "camera_streams_name_key" BEFORE INSERT OR UPDATE ON "camera_streams"
  FOR EACH ROW EXECUTE FUNCTION "camlinks_set_stream_key"();
