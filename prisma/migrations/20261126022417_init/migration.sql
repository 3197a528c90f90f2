-- CreateEnum
CREATE TYPE "link_kind" AS ENUM ('preview', 'live', 'archive');

-- CreateTable
CREATE TABLE "media_servers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "live_preview_template" TEXT,
    "archive_preview_template" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "media_servers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cameras" (
    "uuid" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "media_server_id" UUID NOT NULL,
    "default_stream_type" TEXT NOT NULL,
    "archive_retention_days" INTEGER NOT NULL DEFAULT 0,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "cameras_pkey" PRIMARY KEY ("uuid")
);

-- CreateTable
CREATE TABLE "camera_streams" (
    "id" UUID NOT NULL,
    "camera_uuid" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "camera_streams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "user_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_grants" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "camera_uuid" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integrations" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_tokens" (
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "integration_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issued_links" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "camera_uuid" UUID NOT NULL,
    "stream_type" TEXT NOT NULL,
    "stream_name" TEXT NOT NULL,
    "kind" "link_kind" NOT NULL,
    "archive_from" TIMESTAMPTZ(6),
    "source" TEXT NOT NULL,
    "ttl" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(6) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "integration_id" UUID,
    "integration_token_id" UUID,
    "user_id" UUID,
    "user_token_id" UUID,
    "client_ip" TEXT,
    "user_agent" TEXT,
    "revoked_at" TIMESTAMPTZ(6),
    "revoked_by" TEXT,
    "revoked_reason" TEXT,

    CONSTRAINT "issued_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_servers_name_key" ON "media_servers"("name");

-- CreateIndex
CREATE INDEX "cameras_media_server_id_idx" ON "cameras"("media_server_id");

-- CreateIndex
CREATE UNIQUE INDEX "camera_streams_camera_uuid_type_key" ON "camera_streams"("camera_uuid", "type");

-- CreateIndex
CREATE UNIQUE INDEX "users_name_key" ON "users"("name");

-- CreateIndex
CREATE UNIQUE INDEX "user_tokens_token_hash_key" ON "user_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "user_tokens_user_id_idx" ON "user_tokens"("user_id");

-- CreateIndex
CREATE INDEX "access_grants_camera_uuid_idx" ON "access_grants"("camera_uuid");

-- CreateIndex
CREATE UNIQUE INDEX "access_grants_user_id_camera_uuid_key" ON "access_grants"("user_id", "camera_uuid");

-- CreateIndex
CREATE UNIQUE INDEX "integrations_name_key" ON "integrations"("name");

-- CreateIndex
CREATE UNIQUE INDEX "integration_tokens_token_hash_key" ON "integration_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "integration_tokens_integration_id_idx" ON "integration_tokens"("integration_id");

-- CreateIndex
CREATE UNIQUE INDEX "issued_links_token_hash_key" ON "issued_links"("token_hash");

-- CreateIndex
CREATE INDEX "issued_links_camera_uuid_issued_at_idx" ON "issued_links"("camera_uuid", "issued_at");

-- CreateIndex
CREATE INDEX "issued_links_issued_at_idx" ON "issued_links"("issued_at");

-- CreateIndex
CREATE INDEX "issued_links_integration_id_issued_at_idx" ON "issued_links"("integration_id", "issued_at");

-- CreateIndex
CREATE INDEX "issued_links_user_id_issued_at_idx" ON "issued_links"("user_id", "issued_at");

-- AddForeignKey
ALTER TABLE "cameras" ADD CONSTRAINT "cameras_media_server_id_fkey" FOREIGN KEY ("media_server_id") REFERENCES "media_servers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera_streams" ADD CONSTRAINT "camera_streams_camera_uuid_fkey" FOREIGN KEY ("camera_uuid") REFERENCES "cameras"("uuid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_camera_uuid_fkey" FOREIGN KEY ("camera_uuid") REFERENCES "cameras"("uuid") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_integration_id_fkey" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
