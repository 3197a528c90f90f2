-- camlinks_record_sessions: declared in src/sessions/viewing-sessions.repository.ts; written by `npm run sql:write` (edit the code, not this file)
WITH given AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS g(id uuid, "linkId" uuid, "linkIssuedAt" timestamptz, "mediaServerId" uuid, "mediaServerKind" text,
         "mediaServerSessionId" text, protocol text, "viewerIp" text, "userAgent" text, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz)
), dated AS MATERIALIZED (
  -- A batch spooled by a version before partitioning has no issue times: those are looked up.
  SELECT g.*, COALESCE(g."linkIssuedAt", (SELECT l.issued_at FROM issued_links l WHERE l.id = g."linkId" LIMIT 1)) AS "issuedAt"
    FROM given g
), v AS (
  -- A link deleted since (retention, a test's cleanup) takes its sightings with it, and a
  -- media server deleted since leaves them without one, as the foreign keys would have:
  -- otherwise one such sighting would fail every later flush of the batch it is in.
  SELECT g.id, g."linkId", m.id AS "mediaServerId", g."mediaServerKind", g."mediaServerSessionId", g.protocol,
         g."viewerIp", g."userAgent", g."firstSeenAt", g."lastSeenAt"
    FROM dated g JOIN issued_links l ON l.id = g."linkId" AND l.issued_at = g."issuedAt" LEFT JOIN media_servers m ON m.id = g."mediaServerId"
), named AS (
  INSERT INTO viewing_sessions AS s (id, link_id, media_server_id, media_server_kind, media_server_session_id, protocol, viewer_ip, user_agent, started_at, last_seen_at)
  SELECT gen_random_uuid(), v."linkId", v."mediaServerId", v."mediaServerKind", v."mediaServerSessionId", v.protocol, v."viewerIp", v."userAgent", v."firstSeenAt", v."lastSeenAt"
    FROM v
   WHERE v."mediaServerSessionId" IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM viewing_sessions e
                      WHERE e.link_id = v."linkId" AND e.media_server_id = v."mediaServerId" AND e.media_server_session_id = v."mediaServerSessionId"
                        AND e.ended_at >= v."lastSeenAt")
  ON CONFLICT (media_server_id, media_server_session_id) WHERE media_server_session_id IS NOT NULL AND ended_at IS NULL
  DO UPDATE SET last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at), started_at = LEAST(s.started_at, EXCLUDED.started_at),
                viewer_ip = COALESCE(EXCLUDED.viewer_ip, s.viewer_ip), user_agent = COALESCE(EXCLUDED.user_agent, s.user_agent)
   WHERE s.link_id = EXCLUDED.link_id
), unnamed AS (
  INSERT INTO viewing_sessions AS s (id, link_id, media_server_id, media_server_kind, protocol, viewer_ip, user_agent, started_at, last_seen_at)
  SELECT v.id, v."linkId", v."mediaServerId", v."mediaServerKind", v.protocol, v."viewerIp", v."userAgent", v."firstSeenAt", v."lastSeenAt"
    FROM v WHERE v."mediaServerSessionId" IS NULL
  ON CONFLICT (id) DO UPDATE SET last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at), user_agent = COALESCE(s.user_agent, EXCLUDED.user_agent)
   WHERE s.ended_at IS NULL
  RETURNING s.id
)
SELECT g.id FROM given g WHERE g."mediaServerSessionId" IS NULL AND g.id NOT IN (SELECT id FROM unnamed)
