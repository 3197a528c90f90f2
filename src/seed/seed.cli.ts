import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_TOKEN_FILE } from '../auth/admin-token';
import { EXAMPLE_CAMERA } from '../cameras/camera-links.dto';
import { loadConfigOrExit } from '../config/app-config';

/**
 * `npm run db:seed`: demo data for exploring camlinks (Swagger UI's examples use the first
 * camera). It goes through the running server's admin API rather than the database: the
 * embedded database belongs to the one process that has it open. Safe to run again.
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
  { uuid: '7b2d4c1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e', name: 'Parking', streams: [{ type: 'high', name: 'parking-hd' }] },
];

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const base = process.env.CAMLINKS_URL ?? `http://127.0.0.1:${config.port}`;
  const adminToken =
    config.adminToken ??
    (config.database.kind === 'embedded' ? (await readFile(join(config.database.dataDir, ADMIN_TOKEN_FILE), 'utf8').catch(() => '')).trim() : '');
  if (!adminToken) throw new Error('No admin token: set ADMIN_TOKEN (or start camlinks once on the embedded database, which creates one).');

  const call = async <T>(method: string, path: string, body?: object): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}/api/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    }).catch(() => {
      throw new Error(`camlinks is not answering at ${base}: start it first (npm start), or set CAMLINKS_URL.`);
    });
    const json = (await res.json().catch(() => ({}))) as T;
    if (res.status >= 400 && res.status !== 404) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return { status: res.status, body: json };
  };
  const findByName = async <T extends { name: string }>(path: string, name: string) => (await call<T[]>('GET', path)).body.find((item) => item.name === name);

  const server =
    (await findByName<{ id: string; name: string }>('/media-servers', 'demo-edge')) ??
    (await call<{ id: string }>('POST', '/media-servers', { name: 'demo-edge', base_url: 'http://127.0.0.1:8080' })).body;
  for (const camera of CAMERAS) {
    if ((await call('GET', `/cameras/${camera.uuid}`)).status === 404) {
      await call('POST', '/cameras', { ...camera, media_server_id: server.id, default_stream_type: 'high', archive_retention_days: 7 });
    }
  }
  const user =
    (await findByName<{ id: string; name: string }>('/users', 'demo-user')) ?? (await call<{ id: string }>('POST', '/users', { name: 'demo-user' })).body;
  const grants = (await call<{ camera_uuid: string }[]>('GET', `/grants?user_id=${user.id}`)).body;
  if (!grants.some((grant) => grant.camera_uuid === EXAMPLE_CAMERA)) await call('POST', '/grants', { user_id: user.id, camera_uuid: EXAMPLE_CAMERA });
  const userToken = (await call<{ token: string }>('POST', `/users/${user.id}/tokens`, {})).body.token;

  const existing = await findByName<{ id: string; name: string }>('/integrations', 'demo-portal');
  const integrationToken = existing
    ? (await call<{ token: string }>('POST', `/integrations/${existing.id}/tokens`, {})).body.token
    : (await call<{ token: string }>('POST', '/integrations', { name: 'demo-portal' })).body.token;

  console.log(`Demo data is in camlinks at ${base}:
  media server demo-edge (http://127.0.0.1:8080), cameras ${CAMERAS.map((c) => `"${c.name}" ${c.uuid}`).join(', ')}
  user demo-user, granted "Front gate" only

  Integration token (sees every camera):  ${integrationToken}
  User token (demo-user):                  ${userToken}

Shown once; camlinks keeps only their hashes. Try them in Swagger UI: ${base}/api/docs`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
