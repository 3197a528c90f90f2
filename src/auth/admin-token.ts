import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

export const ADMIN_TOKEN_FILE = 'admin-token';

export type AdminTokenSource =
  { kind: 'env'; token: string } | { kind: 'file'; token: string; path: string } | { kind: 'closed' };

/**
 * ADMIN_TOKEN when set. Otherwise, on the embedded database, a token generated once and kept
 * in the data directory (mode 0600), so a first run needs no configuration. Otherwise (on
 * PostgreSQL) the admin API stays closed rather than open to a guessable default.
 */
export async function resolveAdminToken(config: AppConfig): Promise<AdminTokenSource> {
  if (config.adminToken) return { kind: 'env', token: config.adminToken };
  if (config.database.kind !== 'embedded' || config.database.dataDir === 'memory://') return { kind: 'closed' };
  const path = join(config.database.dataDir, ADMIN_TOKEN_FILE);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing?.trim()) return { kind: 'file', token: existing.trim(), path };
  await mkdir(config.database.dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  await writeFile(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(path, 0o600);
  return { kind: 'file', token, path };
}
