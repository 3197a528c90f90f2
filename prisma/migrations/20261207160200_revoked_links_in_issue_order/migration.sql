-- Hand-written, partial: schema.prisma cannot express it, and Prisma's diff leaves partial
-- indexes it does not model alone (the migrations still produce exactly schema.prisma).

-- The links listing's revoked filter (IssuedLinksRepository.listRevoked): the newest revoked
-- links first, after a keyset cursor, without reading the links that are not revoked. Revoked
-- rows only, so issuing a link never writes to it. It replaces the index on revoked_at, made for
-- an overview count that link_counts keeps now (a count of revoked links can read this one).
-- Built on every day partition of issued_links (docs/OPERATIONS.md gives the cost per million rows).
DROP INDEX "issued_links_revoked_at_idx";
CREATE INDEX "issued_links_revoked_issued_at_id_idx" ON "issued_links"("issued_at", "id") WHERE "revoked_at" IS NOT NULL;

-- The links that have not expired and are not revoked (the revoked filter's links revoked by what
-- they were issued under, the suspended filter: IssuedLinksRepository): `expires_at > now` reads
-- those alone, where the issue window of LINK_TTL_MAX holds every link of the last day.
CREATE INDEX "issued_links_unrevoked_expires_at_idx" ON "issued_links"("expires_at") WHERE "revoked_at" IS NULL;
