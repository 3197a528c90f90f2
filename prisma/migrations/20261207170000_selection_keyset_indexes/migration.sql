-- The indexes on a link's camera, integration and user end in id (issue 22): the bulk revocation's
-- marking job (IssuedLinksRepository.markForRule) pages a selection in (issued_at, id) order after
-- a keyset cursor, and with id in the index the cursor's row comparison is an index condition
-- within the selection. Without it the planner walked (issued_at, id) and filtered by the
-- selection, reading ~10x the rows it marked, from disk on a table larger than memory. The admin
-- listings' pages by camera, integration or user (newest first, the same keyset) use them too.
-- Built on every day partition of issued_links (docs/OPERATIONS.md gives the cost per million rows);
-- the user and integration indexes still leave out the links without one.
DROP INDEX "issued_links_camera_uuid_issued_at_idx";
CREATE INDEX "issued_links_camera_uuid_issued_at_id_idx" ON "issued_links"("camera_uuid", "issued_at", "id");
DROP INDEX "issued_links_integration_id_issued_at_idx";
CREATE INDEX "issued_links_integration_id_issued_at_id_idx" ON "issued_links"("integration_id", "issued_at", "id") WHERE "integration_id" IS NOT NULL;
DROP INDEX "issued_links_user_id_issued_at_idx";
CREATE INDEX "issued_links_user_id_issued_at_id_idx" ON "issued_links"("user_id", "issued_at", "id") WHERE "user_id" IS NOT NULL;

COMMENT ON INDEX "issued_links_camera_uuid_issued_at_id_idx" IS 'admin camera filter; revoking a camera''s links; marking a bulk revocation by camera';
COMMENT ON INDEX "issued_links_user_id_issued_at_id_idx" IS 'admin user filter; revoking a user''s or user token''s links; marking a bulk revocation by user';
COMMENT ON INDEX "issued_links_integration_id_issued_at_id_idx" IS 'admin integration filter; revoking an integration''s or token''s links; marking a bulk revocation by integration';
