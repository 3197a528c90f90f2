-- Link requests read archive ranges from an in-process cache (src/cameras/linkable-cameras.ts),
-- kept exact by the change notifications like the other tables a link request depends on:
-- any writer's change to archive_ranges empties the caches of every instance.
CREATE TRIGGER "archive_ranges_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "archive_ranges"
  FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();

-- TRUNCATE fires no row or UPDATE/DELETE trigger: the cached tables announce it too.
CREATE TRIGGER "issued_links_truncated" AFTER TRUNCATE ON "issued_links" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "integration_tokens_truncated" AFTER TRUNCATE ON "integration_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "user_tokens_truncated" AFTER TRUNCATE ON "user_tokens" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "access_grants_truncated" AFTER TRUNCATE ON "access_grants" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "cameras_truncated" AFTER TRUNCATE ON "cameras" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "camera_streams_truncated" AFTER TRUNCATE ON "camera_streams" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
CREATE TRIGGER "media_servers_truncated" AFTER TRUNCATE ON "media_servers" FOR EACH STATEMENT EXECUTE FUNCTION "camlinks_notify_change"();
