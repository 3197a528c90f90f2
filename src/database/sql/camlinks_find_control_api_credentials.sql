-- camlinks_find_control_api_credentials: declared in src/verification/verification.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT control_api_username AS username, control_api_password AS password FROM media_servers WHERE verification_secret_hash = $1
