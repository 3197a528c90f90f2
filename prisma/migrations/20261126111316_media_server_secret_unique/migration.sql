-- A presented verification secret names the one media server that is asking, so no two media
-- servers may share one. If this fails, two media servers have the same secret: give one of
-- them a new secret (PATCH /api/v1/admin/media-servers/{id}) and migrate again.
-- CreateIndex
CREATE UNIQUE INDEX "media_servers_verification_secret_hash_key" ON "media_servers"("verification_secret_hash");
