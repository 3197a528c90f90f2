-- camlinks_find_link_state: declared in src/verification/verification.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT l.id, l.kind::text AS kind, l.stream_name, l.source, l.archive_from, l.archive_to, l.expires_at, l.camera_uuid, l.issued_at,
       COALESCE(l.revoked_at, (
  SELECT min(r.cut_off) FROM revocation_rules r
   WHERE l.issued_at <= r.cut_off AND l.expires_at > r.cut_off
     AND (r.camera_uuid IS NULL OR r.camera_uuid = l.camera_uuid)
     AND (r.integration_id IS NULL OR r.integration_id = l.integration_id)
     AND (r.user_id IS NULL OR r.user_id = l.user_id)
     AND (r.issued_from IS NULL OR l.issued_at >= r.issued_from)
     AND (r.issued_to IS NULL OR l.issued_at < r.issued_to)
     AND (r.source IS NULL OR r.source = l.source)
     AND (r.kind IS NULL OR r.kind = l.kind)
     AND (r.token_prefix IS NULL OR starts_with(l.token_prefix, r.token_prefix)))) AS revoked_at,
       l.integration_id, l.user_id, l.integration_token_id, l.user_token_id,
       c.uuid IS NOT NULL AS camera_exists, c.blocked AS camera_blocked,
       EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = l.camera_uuid AND s.name = l.stream_name) AS stream_exists,
       m.id AS media_server_id, m.base_url, m.rtsp_base_url, m.url_templates, m.verification_secret_hash IS NOT NULL AS has_secret,
       it.id IS NOT NULL AS it_exists, it.revoked_at AS it_revoked_at, it.expires_at AS it_expires_at,
       ut.id IS NOT NULL AS ut_exists, ut.revoked_at AS ut_revoked_at, ut.expires_at AS ut_expires_at,
       g.id IS NOT NULL AS grant_exists, g.expires_at AS grant_expires_at
  FROM issued_links l
  LEFT JOIN cameras c ON c.uuid = l.camera_uuid AND c.generation = l.camera_generation
  LEFT JOIN media_servers m ON m.id = c.media_server_id
  LEFT JOIN integration_tokens it ON it.id = l.integration_token_id
  LEFT JOIN user_tokens ut ON ut.id = l.user_token_id
  LEFT JOIN access_grants g ON g.user_id = l.user_id AND g.camera_uuid = l.camera_uuid AND g.generation = l.grant_generation
 WHERE l.token_hash = $1 AND l.issued_at >= $2::timestamptz AND l.issued_at < $3::timestamptz
