-- camlinks_find_grants: declared in src/integration/cameras.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT camera_uuid AS "cameraUuid", generation, expires_at AS "expiresAt" FROM access_grants WHERE user_id = $1::uuid AND camera_uuid = ANY($2::uuid[])
