-- camlinks_add_usage: declared in src/verification/verification.repository.ts; written by `npm run sql:write` (edit the code, not this file)
WITH turn AS MATERIALIZED (SELECT pg_advisory_xact_lock(1668052339)),
claim AS (INSERT INTO applied_flushes (id) SELECT $2::uuid WHERE $2::uuid IS NOT NULL ON CONFLICT DO NOTHING RETURNING id),
given AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS v("linkId" uuid, "linkIssuedAt" timestamptz, uses int, denied int, "firstUsedAt" timestamptz,
         "lastUsedAt" timestamptz, "lastIp" text, "lastDeniedAt" timestamptz, "lastDeniedReason" text)
   WHERE EXISTS (SELECT 1 FROM turn) AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM claim))),
v AS MATERIALIZED (
  -- A batch spooled by a version before partitioning has no issue times: those are looked up.
  SELECT g.*, COALESCE(g."linkIssuedAt", (SELECT l.issued_at FROM issued_links l WHERE l.id = g."linkId" LIMIT 1)) AS "issuedAt"
    FROM given g),
locked AS MATERIALIZED (
  SELECT l.id, l.issued_at FROM issued_links l JOIN v ON l.id = v."linkId" AND l.issued_at = v."issuedAt"
   ORDER BY l.id FOR NO KEY UPDATE OF l)
UPDATE issued_links AS l SET
       use_count = l.use_count + v.uses,
       denied_count = l.denied_count + v.denied,
       first_used_at = LEAST(l.first_used_at, v."firstUsedAt"),
       last_used_at = GREATEST(l.last_used_at, v."lastUsedAt"),
       last_ip = CASE WHEN l.last_used_at IS NULL OR v."lastUsedAt" > l.last_used_at THEN COALESCE(v."lastIp", l.last_ip)
                      ELSE COALESCE(l.last_ip, v."lastIp") END,
       last_denied_at = GREATEST(l.last_denied_at, v."lastDeniedAt"),
       last_denied_reason = CASE WHEN l.last_denied_at IS NULL OR v."lastDeniedAt" > l.last_denied_at THEN COALESCE(v."lastDeniedReason", l.last_denied_reason)
                                 ELSE l.last_denied_reason END
  FROM v
 WHERE l.id = v."linkId" AND l.issued_at = v."issuedAt" AND (l.id, l.issued_at) IN (SELECT id, issued_at FROM locked)
