-- camlinks_find_media_server_by_secret: declared in src/verification/verification.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT id FROM media_servers WHERE verification_secret_hash = $1
