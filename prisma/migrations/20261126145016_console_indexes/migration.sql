-- CreateIndex
CREATE INDEX "issued_links_token_prefix_idx" ON "issued_links"("token_prefix");

-- The overview's count of revoked links (IssuedLinksRepository.countByState): revoked rows only,
-- so issuing a link never writes to it. Hand-written: schema.prisma cannot express a partial index.
CREATE INDEX "issued_links_revoked_at_idx" ON "issued_links"("revoked_at") WHERE "revoked_at" IS NOT NULL;
