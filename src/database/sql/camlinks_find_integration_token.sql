-- camlinks_find_integration_token: declared in src/auth/credentials.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT id, integration_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM integration_tokens WHERE token_hash = $1
