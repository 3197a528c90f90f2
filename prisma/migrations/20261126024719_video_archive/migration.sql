-- AlterTable: the two preview template columns become keys of url_templates (hand-edited so
-- that custom templates survive; {unix_time} is now spelled {from}).
ALTER TABLE "media_servers" ADD COLUMN     "rtsp_base_url" TEXT,
ADD COLUMN     "url_templates" JSONB NOT NULL DEFAULT '{}';

UPDATE "media_servers" SET "url_templates" = jsonb_strip_nulls(jsonb_build_object(
  'live_preview', "live_preview_template",
  'archive_preview', replace("archive_preview_template", '{unix_time}', '{from}')
));

ALTER TABLE "media_servers" DROP COLUMN "archive_preview_template",
DROP COLUMN "live_preview_template";

-- CreateTable
CREATE TABLE "archive_ranges" (
    "id" UUID NOT NULL,
    "camera_uuid" UUID NOT NULL,
    "stream_type" TEXT NOT NULL,
    "from" TIMESTAMPTZ(6) NOT NULL,
    "to" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "archive_ranges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "archive_ranges_camera_uuid_stream_type_from_idx" ON "archive_ranges"("camera_uuid", "stream_type", "from");

-- AddForeignKey
ALTER TABLE "archive_ranges" ADD CONSTRAINT "archive_ranges_camera_uuid_fkey" FOREIGN KEY ("camera_uuid") REFERENCES "cameras"("uuid") ON DELETE CASCADE ON UPDATE CASCADE;
