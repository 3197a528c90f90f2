-- camlinks_find_cameras: declared in src/integration/cameras.repository.ts; written by `npm run sql:write` (edit the code, not this file)
SELECT c.uuid, c.blocked, c.default_stream_type, c.archive_retention_days, m.base_url, m.rtsp_base_url, m.url_templates, c.generation,
       (SELECT json_agg(json_build_object('type', s.type, 'name', s.name)) FROM camera_streams s WHERE s.camera_uuid = c.uuid) AS streams,
       (SELECT json_agg(json_build_object('streamType', r.stream_type, 'from', r."from", 'to', r."to") ORDER BY r."from")
          FROM archive_ranges r WHERE r.camera_uuid = c.uuid) AS archive_ranges
  FROM cameras c
  JOIN media_servers m ON m.id = c.media_server_id
 WHERE c.uuid = ANY($1::uuid[])
