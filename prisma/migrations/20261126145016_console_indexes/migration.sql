-- Hand-written, both partial: schema.prisma can express neither, and Prisma's diff leaves partial
-- indexes it does not model alone (the migrations still produce exactly schema.prisma).

-- The links filter by token prefix (IssuedLinksRepository, tokenPrefixCondition): text_pattern_ops
-- serves `token_prefix = …` (a pasted token) and `LIKE 'start%'` (a shorter start) under any
-- collation. The predicate is always true (the column is NOT NULL); it keeps the index out of the diff.
CREATE INDEX "issued_links_token_prefix_idx" ON "issued_links"("token_prefix" text_pattern_ops) WHERE "token_prefix" IS NOT NULL;

-- The overview's count of revoked links (IssuedLinksRepository.countByState): revoked rows only,
-- so issuing a link never writes to it.
CREATE INDEX "issued_links_revoked_at_idx" ON "issued_links"("revoked_at") WHERE "revoked_at" IS NOT NULL;
