import type { Response } from 'express';
import type { CsvExports } from '../csv-export';
import { LINK_CSV_COLUMNS, type LinksExportQueryDto, mapLink } from './links.dto';
import type { AdminLinksService } from './links.service';

/** Every link matching the query as a CSV download (the API's and the console's). */
export function streamLinksCsv(
  exports: CsvExports,
  links: AdminLinksService,
  query: LinksExportQueryDto,
  now: Date,
  res: Response,
): Promise<void> {
  return exports.stream(res, 'links.csv', links.export(query, now), LINK_CSV_COLUMNS, mapLink);
}
