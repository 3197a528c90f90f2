import { rm } from 'node:fs/promises';
import { dropDatabase, PGLITE_TEMPLATE_ENV, TEMPLATE_DB_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_DB_ENV];
  if (template) await dropDatabase(template);
  const pgliteTemplate = process.env[PGLITE_TEMPLATE_ENV];
  if (pgliteTemplate) await rm(pgliteTemplate, { force: true });
}
