-- CreateTable
CREATE TABLE "viewing_sessions" (
    "id" UUID NOT NULL,
    "link_id" UUID NOT NULL,
    "media_server_id" UUID,
    "media_server_kind" TEXT NOT NULL,
    "media_server_session_id" TEXT,
    "protocol" TEXT NOT NULL,
    "viewer_ip" TEXT,
    "user_agent" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6),
    "end_reason" TEXT,
    "kick_state" TEXT,
    "kick_attempts" INTEGER NOT NULL DEFAULT 0,
    "kicked_at" TIMESTAMPTZ(6),
    "kick_error" TEXT,

    CONSTRAINT "viewing_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "viewing_sessions_link_id_started_at_idx" ON "viewing_sessions"("link_id", "started_at");

-- CreateIndex
CREATE INDEX "viewing_sessions_started_at_id_idx" ON "viewing_sessions"("started_at", "id");

-- AddForeignKey
ALTER TABLE "viewing_sessions" ADD CONSTRAINT "viewing_sessions_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "issued_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "viewing_sessions" ADD CONSTRAINT "viewing_sessions_media_server_id_fkey" FOREIGN KEY ("media_server_id") REFERENCES "media_servers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written, both partial (schema.prisma can express neither).

-- Open sessions, newest first: "watching now", and what the kicker re-decides. Ending a session
-- takes it out, so the index stays as small as the number of viewers.
CREATE INDEX "viewing_sessions_open_idx" ON "viewing_sessions"("started_at", "id") WHERE "ended_at" IS NULL;

-- One open row per media-server session: a repeated auth of one MediaMTX or Flussonic session
-- updates it (ViewingSessionsRepository.recordBatch upserts on this index). Ended rows are outside
-- it, so an allowed re-check after an admin ended the session starts a new row instead of
-- resurrecting the ended one.
CREATE UNIQUE INDEX "viewing_sessions_media_server_session_idx" ON "viewing_sessions"("media_server_id", "media_server_session_id")
  WHERE "media_server_session_id" IS NOT NULL AND "ended_at" IS NULL;
