import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi';

/** The committed document, at the repository root (from src/openapi and from dist/openapi alike). */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

/**
 * The app the document is generated from. A fixed environment, so the machine's own variables
 * cannot leak into the file; an in-memory database, so nothing is read or written.
 */
export function createDocumentApp(): Promise<INestApplication> {
  const config = loadConfig({
    DATA_DIR: 'memory://',
    ADMIN_TOKEN: 'openapi-document-admin-token-000000',
    LOG_LEVEL: 'silent',
  });
  return NestFactory.create(AppModule.forRoot(config), { logger: false, bodyParser: false, abortOnError: false });
}

/** openapi.json's content: keys sorted so that reordering code never shows up as a change. */
export function renderOpenApiFile(app: INestApplication): string {
  return `${JSON.stringify(sortKeys(buildOpenApiDocument(app)), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
