-- What links were issued under and has ended since: a camera deleted or in a new generation, a
-- stream deleted or renamed, a grant deleted or in a new term, an integration's or a user's token
-- revoked or deleted. The revoked and suspended listings read the links of these scopes (and of
-- the blocked cameras) alone, instead of judging every link that has not expired: their cost is
-- that of what ended, not of the links in use. Written by triggers, so no path that changes these
-- tables can miss one; retention deletes an end once no link issued before it can be unexpired.
-- camlinks revokes the links of what it ends in the same transaction (revokeIssuedUnder), which
-- sets links_from: only links issued from then on (committed late) can be left, and the listings
-- read those alone. Null: every link of the scope.
CREATE TABLE "issued_under_ends" (
    "id" BIGSERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "camera_uuid" UUID,
    "stream_name" TEXT,
    "user_id" UUID,
    "integration_id" UUID,
    "token_id" UUID,
    "links_from" TIMESTAMPTZ(6),
    "ended_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issued_under_ends_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "issued_under_ends_ended_at_idx" ON "issued_under_ends"("ended_at");

CREATE FUNCTION camlinks_camera_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.uuid IS DISTINCT FROM NEW.uuid OR OLD.generation IS DISTINCT FROM NEW.generation THEN
    INSERT INTO issued_under_ends (scope, camera_uuid) VALUES ('camera', OLD.uuid);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER cameras_ended AFTER DELETE OR UPDATE OF uuid, generation ON cameras
  FOR EACH ROW EXECUTE FUNCTION camlinks_camera_ended();

-- At commit (deferred): a camera's streams replaced by the same names in one transaction, as an
-- admin's update of them does, end nothing.
CREATE FUNCTION camlinks_camera_stream_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR OLD.camera_uuid IS DISTINCT FROM NEW.camera_uuid OR OLD.name IS DISTINCT FROM NEW.name)
     AND NOT EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = OLD.camera_uuid AND s.name = OLD.name) THEN
    INSERT INTO issued_under_ends (scope, camera_uuid, stream_name) VALUES ('stream', OLD.camera_uuid, OLD.name);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER camera_streams_ended AFTER DELETE OR UPDATE OF camera_uuid, name ON camera_streams
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION camlinks_camera_stream_ended();

CREATE FUNCTION camlinks_access_grant_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.camera_uuid IS DISTINCT FROM NEW.camera_uuid
     OR OLD.generation IS DISTINCT FROM NEW.generation THEN
    INSERT INTO issued_under_ends (scope, user_id, camera_uuid) VALUES ('grant', OLD.user_id, OLD.camera_uuid);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER access_grants_ended AFTER DELETE OR UPDATE OF user_id, camera_uuid, generation ON access_grants
  FOR EACH ROW EXECUTE FUNCTION camlinks_access_grant_ended();

-- Both token tables: TG_ARGV[0] is the scope, TG_ARGV[1] the owner's column.
CREATE FUNCTION camlinks_token_ended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid := (to_jsonb(OLD) ->> TG_ARGV[1])::uuid;
BEGIN
  IF TG_OP = 'DELETE' OR OLD.id IS DISTINCT FROM NEW.id OR owner IS DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[1])::uuid
     OR (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) THEN
    INSERT INTO issued_under_ends (scope, integration_id, user_id, token_id)
    VALUES (TG_ARGV[0], CASE TG_ARGV[1] WHEN 'integration_id' THEN owner END, CASE TG_ARGV[1] WHEN 'user_id' THEN owner END, OLD.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER integration_tokens_ended AFTER DELETE OR UPDATE OF id, integration_id, revoked_at ON integration_tokens
  FOR EACH ROW EXECUTE FUNCTION camlinks_token_ended('integration_token', 'integration_id');
CREATE TRIGGER user_tokens_ended AFTER DELETE OR UPDATE OF id, user_id, revoked_at ON user_tokens
  FOR EACH ROW EXECUTE FUNCTION camlinks_token_ended('user_token', 'user_id');

-- What has ended before this migration, as the links that have not expired show it: one scan.
INSERT INTO issued_under_ends (scope, camera_uuid)
SELECT DISTINCT 'camera', l.camera_uuid FROM issued_links l LEFT JOIN cameras c ON c.uuid = l.camera_uuid
 WHERE l.revoked_at IS NULL AND l.expires_at > now() AND c.generation IS DISTINCT FROM l.camera_generation;
INSERT INTO issued_under_ends (scope, camera_uuid, stream_name)
SELECT DISTINCT 'stream', l.camera_uuid, l.stream_name FROM issued_links l
 WHERE l.revoked_at IS NULL AND l.expires_at > now()
   AND NOT EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = l.camera_uuid AND s.name = l.stream_name);
INSERT INTO issued_under_ends (scope, user_id, camera_uuid)
SELECT DISTINCT 'grant', l.user_id, l.camera_uuid FROM issued_links l
 WHERE l.revoked_at IS NULL AND l.expires_at > now() AND l.user_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM access_grants g
                    WHERE g.user_id = l.user_id AND g.camera_uuid = l.camera_uuid AND g.generation = l.grant_generation);
INSERT INTO issued_under_ends (scope, integration_id, token_id)
SELECT DISTINCT 'integration_token', l.integration_id, l.integration_token_id FROM issued_links l
  LEFT JOIN integration_tokens it ON it.id = l.integration_token_id
 WHERE l.revoked_at IS NULL AND l.expires_at > now() AND l.integration_token_id IS NOT NULL
   AND (it.id IS NULL OR it.revoked_at IS NOT NULL);
INSERT INTO issued_under_ends (scope, user_id, token_id)
SELECT DISTINCT 'user_token', l.user_id, l.user_token_id FROM issued_links l
  LEFT JOIN user_tokens ut ON ut.id = l.user_token_id
 WHERE l.revoked_at IS NULL AND l.expires_at > now() AND l.user_token_id IS NOT NULL
   AND (ut.id IS NULL OR ut.revoked_at IS NOT NULL);
