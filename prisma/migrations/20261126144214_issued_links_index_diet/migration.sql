-- Index diet on issued_links (issue 11): each index is paid for by every issued link, so each
-- must serve a query that exists. What each serves:
--   issued_links_pkey (id): the usage flush (VerificationRepository.addUsage), revoking and
--     reading one link (admin/links), the retention purge's DELETE … WHERE id IN (…).
--   issued_links_token_hash_key (token_hash, unique): verification (findLinkState), and the
--     guarantee that a token names one link.
--   issued_links_issued_at_id_idx (issued_at, id): the admin list's order and cursor
--     (ORDER BY issued_at DESC, id DESC), its issued_from/issued_to filter, the retention purge
--     (issued_at < cutoff).
--   issued_links_camera_uuid_issued_at_idx: the admin camera filter, newest first; revoking a
--     camera's links (deleted, blocked, grant revoked).
--   issued_links_user_id_issued_at_idx: the admin user filter; revoking a user's or user
--     token's links.
--   issued_links_integration_id_issued_at_idx: the admin integration filter; revoking an
--     integration's or integration token's links.
-- The kind, status and source filters have no index of their own: they narrow one of the above.
--
-- Merged away: the NULL entries of the user and integration indexes. A link issued to an
-- integration for itself has no user (and one issued to a user token no integration); those
-- rows were indexed under NULL, which no query asks for (`user_id = $1` never matches NULL, and
-- PostgreSQL uses a partial index for it). Most links are issued by integrations for
-- themselves, so most inserts now update one index fewer.
DROP INDEX "issued_links_user_id_issued_at_idx";
CREATE INDEX "issued_links_user_id_issued_at_idx" ON "issued_links"("user_id", "issued_at") WHERE "user_id" IS NOT NULL;
DROP INDEX "issued_links_integration_id_issued_at_idx";
CREATE INDEX "issued_links_integration_id_issued_at_idx" ON "issued_links"("integration_id", "issued_at") WHERE "integration_id" IS NOT NULL;

COMMENT ON INDEX "issued_links_token_hash_key" IS 'verification: findLinkState by token hash; one link per token';
COMMENT ON INDEX "issued_links_issued_at_id_idx" IS 'admin links list order and cursor, issued_from/issued_to filter, retention purge';
COMMENT ON INDEX "issued_links_camera_uuid_issued_at_idx" IS 'admin camera filter; revoking a camera''s links';
COMMENT ON INDEX "issued_links_user_id_issued_at_idx" IS 'admin user filter; revoking a user''s or user token''s links';
COMMENT ON INDEX "issued_links_integration_id_issued_at_idx" IS 'admin integration filter; revoking an integration''s or token''s links';
