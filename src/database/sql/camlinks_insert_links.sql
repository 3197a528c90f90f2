-- camlinks_insert_links: declared in src/links/issued-links.repository.ts; written by `npm run sql:write` (edit the code, not this file)
INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, archive_from, archive_to, source, ttl,
                          issued_at, expires_at, integration_id, integration_token_id, user_id, user_token_id, camera_generation, grant_generation, client_ip, user_agent)
SELECT gen_random_uuid(), l."tokenHash", l."tokenPrefix", l."cameraUuid", l."streamType", l."streamName", l.kind::link_kind, l."archiveFrom", l."archiveTo", l.source, l.ttl,
       l."issuedAt", l."expiresAt", l."integrationId", l."integrationTokenId", l."userId", l."userTokenId", l."cameraGeneration", l."grantGeneration", l."clientIp", l."userAgent"
  FROM jsonb_to_recordset($1::jsonb) AS l("tokenHash" text, "tokenPrefix" text, "cameraUuid" uuid, "streamType" text, "streamName" text,
       kind text, "archiveFrom" timestamptz, "archiveTo" timestamptz, source text, ttl int, "issuedAt" timestamptz, "expiresAt" timestamptz,
       "integrationId" uuid, "integrationTokenId" uuid, "userId" uuid, "userTokenId" uuid, "cameraGeneration" int, "grantGeneration" int, "clientIp" text, "userAgent" text)
