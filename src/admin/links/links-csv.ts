import type { Response } from 'express';
import { Prisma } from '../../generated/prisma/client';
import type { IssuedLinkRecord } from '../../links/issued-links.repository';
import { type CsvExports, csvLines, type SqlCsvColumns, sqlCells } from '../csv-export';
import type { LinksExportQueryDto } from './links.dto';
import type { AdminLinksService } from './links.service';

const { text, plain, time } = sqlCells<IssuedLinkRecord>();

/**
 * The CSV export: the JSON listing's fields (mapLink), in its order, nested objects flattened,
 * formatted by the database (test/admin-links.e2e-spec.ts holds the two together).
 */
export const LINK_CSV_COLUMNS: SqlCsvColumns = {
  id: plain('id'),
  token_prefix: text('tokenPrefix'),
  camera_uuid: plain('cameraUuid'),
  camera_name: text('cameraName'),
  stream_type: text('streamType'),
  stream_name: text('streamName'),
  kind: text('kind'),
  mode: Prisma.sql`CASE WHEN r."archiveFrom" IS NULL THEN 'live' ELSE 'archive' END`,
  archive_from: time('archiveFrom'),
  archive_to: time('archiveTo'),
  source: text('source'),
  ttl: plain('ttl'),
  issued_at: time('issuedAt'),
  expires_at: time('expiresAt'),
  status: text('status'),
  issued_by_integration_id: plain('integrationId'),
  issued_by_user_id: plain('userId'),
  client_ip: text('clientIp'),
  user_agent: text('userAgent'),
  revoked_at: time('revokedAt'),
  revoked_by: text('revokedBy'),
  revoked_by_type: text('revokedByType'),
  revoked_by_admin_id: plain('revokedByAdminId'),
  revoked_reason: text('revokedReason'),
  use_count: plain('useCount'),
  first_used_at: time('firstUsedAt'),
  last_used_at: time('lastUsedAt'),
  last_ip: text('lastIp'),
  denied_count: plain('deniedCount'),
  last_denied_at: time('lastDeniedAt'),
  last_denied_reason: text('lastDeniedReason'),
};

/** Every link matching the query as a CSV download (the API's and the console's). */
export function streamLinksCsv(
  exports: CsvExports,
  links: AdminLinksService,
  query: LinksExportQueryDto,
  now: Date,
  res: Response,
): Promise<void> {
  return exports.stream(res, 'links.csv', csvLines(LINK_CSV_COLUMNS, links.export(query, now, LINK_CSV_COLUMNS)));
}
