import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_TOKEN_FILE } from '../auth/admin-token';
import { EXAMPLE_CAMERA, EXAMPLE_IDS } from '../common/chosen-id';
import { DAY_MS } from '../common/timestamps';
import { type AppConfig, loadConfigOrExit, localUrl } from '../config/app-config';

/**
 * `npm run db:seed`: demo data for exploring camlinks, with the fixed ids Swagger UI's examples
 * use. It goes through the running server's admin API rather than the database (the embedded
 * database belongs to the one process that has it open), found from the same configuration the
 * server reads: PORT and HOST, and ADMIN_TOKEN or the token the embedded database keeps in
 * DATA_DIR. It says where it went. Safe to run again.
 *
 * The demo media server is the nginx of docs/media-servers/nginx.conf serving `deploy/media`,
 * which holds a short clip for every stream below: MEDIA_BASE_URL (default
 * http://127.0.0.1:8080) and MEDIA_SECRET, the secret that nginx sends, when set.
 */
const CAMERAS = [
  {
    uuid: EXAMPLE_CAMERA,
    name: 'Front gate',
    streams: [
      { type: 'high', name: 'front-gate-hd' },
      { type: 'low', name: 'front-gate-sd' },
    ],
  },
  { uuid: EXAMPLE_IDS.secondCamera, name: 'Parking', streams: [{ type: 'high', name: 'parking-hd' }] },
];

const RETENTION_DAYS = 7;

/** The first camera's recorded archive: the last six days up to now, inside its retention (seeding again moves it on). */
function demoArchive(now: Date): { from: string; to: string } {
  const from = new Date(now.getTime() - (RETENTION_DAYS - 1) * DAY_MS);
  from.setUTCMinutes(0, 0, 0);
  return { from: from.toISOString(), to: now.toISOString() };
}

/** Where the server is, as the server itself reads its configuration; and from which variable, to say so. */
function serverUrl(config: AppConfig): { url: string; from: string } {
  if (process.env.CAMLINKS_URL) return { url: process.env.CAMLINKS_URL, from: 'CAMLINKS_URL' };
  return {
    url: localUrl(config),
    from: process.env.PORT ? `PORT=${config.port}` : `PORT unset: the default ${config.port}`,
  };
}

async function adminToken(config: AppConfig): Promise<{ token: string; from: string }> {
  if (config.adminToken) return { token: config.adminToken, from: 'ADMIN_TOKEN' };
  if (config.database.kind === 'embedded' && config.database.dataDir !== 'memory://') {
    const path = join(config.database.dataDir, ADMIN_TOKEN_FILE);
    const token = (await readFile(path, 'utf8').catch(() => '')).trim();
    if (token) return { token, from: path };
    throw new Error(
      `No admin token in ${path}: start camlinks once with the same DATA_DIR (it creates one), or set ADMIN_TOKEN.`,
    );
  }
  throw new Error('No admin token: set ADMIN_TOKEN to the one camlinks runs with (on PostgreSQL there is no other).');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { url: base, from: urlFrom } = serverUrl(config);
  const { token: adminTokenValue, from: tokenFrom } = await adminToken(config);
  console.log(`Seeding camlinks at ${base} (${urlFrom}), admin token from ${tokenFrom}.`);

  const call = async <T>(method: string, path: string, body?: object): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminTokenValue}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    }).catch(() => {
      throw new Error(
        `camlinks is not answering at ${base} (${urlFrom}): start it first (npm start), with the same PORT, HOST and DATA_DIR as this command, or set CAMLINKS_URL.`,
      );
    });
    const json = (await res.json().catch(() => ({}))) as T;
    if (res.status >= 400 && res.status !== 404)
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return { status: res.status, body: json };
  };
  const findByName = async <T extends { name: string }>(path: string, name: string) =>
    (await call<T[]>('GET', path)).body.find((item) => item.name === name);

  const media = {
    base_url: process.env.MEDIA_BASE_URL || 'http://127.0.0.1:8080',
    verification_secret: process.env.MEDIA_SECRET || undefined,
  };
  const existingServer = await findByName<{ id: string; name: string }>('/media-servers', 'demo-edge');
  const server = existingServer
    ? (await call<{ id: string }>('PATCH', `/media-servers/${existingServer.id}`, media)).body
    : (
        await call<{ id: string }>('POST', '/media-servers', {
          id: EXAMPLE_IDS.mediaServer,
          name: 'demo-edge',
          ...media,
        })
      ).body;
  for (const camera of CAMERAS) {
    if ((await call('GET', `/cameras/${camera.uuid}`)).status === 404) {
      await call('POST', '/cameras', {
        ...camera,
        media_server_id: server.id,
        default_stream_type: 'high',
        archive_retention_days: RETENTION_DAYS,
      });
    }
  }
  const archive = demoArchive(new Date());
  await call('PUT', `/cameras/${EXAMPLE_CAMERA}/archive-ranges`, { ranges: [{ stream_type: 'high', ...archive }] });
  const user =
    (await findByName<{ id: string; name: string }>('/users', 'demo-user')) ??
    (await call<{ id: string }>('POST', '/users', { id: EXAMPLE_IDS.user, name: 'demo-user' })).body;
  const grants = (await call<{ camera_uuid: string }[]>('GET', `/grants?user_id=${user.id}`)).body;
  if (!grants.some((grant) => grant.camera_uuid === EXAMPLE_CAMERA))
    await call('POST', '/grants', { user_id: user.id, camera_uuid: EXAMPLE_CAMERA });
  const userToken = (await call<{ token: string }>('POST', `/users/${user.id}/tokens`, {})).body.token;

  const existing = await findByName<{ id: string; name: string }>('/integrations', 'demo-portal');
  const integrationToken = existing
    ? (await call<{ token: string }>('POST', `/integrations/${existing.id}/tokens`, {})).body.token
    : (await call<{ token: string }>('POST', '/integrations', { id: EXAMPLE_IDS.integration, name: 'demo-portal' }))
        .body.token;

  console.log(`Demo data is in camlinks at ${base}:
  media server demo-edge (${media.base_url}${media.verification_secret ? ', with MEDIA_SECRET' : ''}), cameras ${CAMERAS.map((c) => `"${c.name}" ${c.uuid}`).join(', ')}
  "Front gate" high stream: archive from ${archive.from} to ${archive.to} (ask for a date in it)
  user demo-user, granted "Front gate" only

  Integration token (sees every camera):  ${integrationToken}
  User token (demo-user):                  ${userToken}

Shown once; camlinks keeps only their hashes. Try them in Swagger UI: ${base}/api/docs`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
