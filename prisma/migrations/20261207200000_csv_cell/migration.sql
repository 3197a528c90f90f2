-- One CSV cell as the exports write it (csvCell in src/admin/csv-export.ts; a test holds the two
-- together): text that starts a spreadsheet formula gets a leading ', a cell with a quote, comma
-- or line break is quoted, nothing is an empty cell. The links export formats its rows here, so
-- that a million rows cost its instance's event loop a string a batch, not a thousand objects.
CREATE FUNCTION csv_cell(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN ''
    WHEN value ~ E'[",\\r\\n]' THEN
      '"' || replace(CASE WHEN value ~ E'^[=+\\-@\\t\\r\uFF1D\uFF0B\uFF0D\uFF20]' THEN '''' || value ELSE value END, '"', '""') || '"'
    WHEN value ~ E'^[=+\\-@\\t\\r\uFF1D\uFF0B\uFF0D\uFF20]' THEN '''' || value
    ELSE value
  END
$$;
