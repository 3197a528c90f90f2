-- camlinks_find_user_token: declared in src/auth/credentials.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT id, user_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM user_tokens WHERE token_hash = $1
