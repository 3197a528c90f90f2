/**
 * Issues links, revokes one and exports CSV, against a running camlinks:
 *   CAMLINKS_URL=http://127.0.0.1:3000 CAMLINKS_ADMIN_TOKEN=… npm run example
 * (from clients/typescript). It sets up what it needs with the admin API, then acts as an
 * integration would. Exits non-zero, with the server's answer, when a step fails.
 */
import { createCamlinksClient, linkToken } from './src/index.js';

const baseUrl = process.env.CAMLINKS_URL ?? 'http://127.0.0.1:3000';
const adminToken = process.env.CAMLINKS_ADMIN_TOKEN;
if (!adminToken) throw new Error('Set CAMLINKS_ADMIN_TOKEN (ADMIN_TOKEN, or the contents of data/admin-token)');

/** The body of a successful answer, or an error with the status and what the server said. */
function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new Error(`${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

const admin = createCamlinksClient({ baseUrl, token: adminToken });
const suffix = Date.now().toString(36);

// What an operator sets up once: a media server, a camera on it, an integration.
const server = ok(
  'create a media server',
  await admin.POST('/api/v1/admin/media-servers', {
    body: { name: `edge-${suffix}`, base_url: 'http://127.0.0.1:8080' },
  }),
);
const camera = ok(
  'create a camera',
  await admin.POST('/api/v1/admin/cameras', {
    body: {
      name: `Gate ${suffix}`,
      media_server_id: server.id,
      streams: [{ type: 'high', name: `gate-${suffix}` }],
      default_stream_type: 'high',
    },
  }),
);
const integration = ok(
  'create an integration',
  await admin.POST('/api/v1/admin/integrations', { body: { name: `portal-${suffix}` } }),
);

// The integration issues two links to the camera: `expired_at` is typed as a date-time string, `url` as a URI.
const billing = createCamlinksClient({ baseUrl, token: integration.token });
const links = ok(
  'issue links',
  await billing.POST('/api/v1/cameras/preview', {
    body: { cameras: [{ uuid: camera.uuid }, { uuid: camera.uuid }], source: 'jpg', ttl: 600 },
  }),
);
console.log(`issued ${links.length} links, expiring at ${links.map((link) => link.expired_at).join(', ')}`);

// It takes one back, by URL (a token works too): each link sent comes back in one of three lists.
const [revokedLink, keptLink] = links;
if (!revokedLink || !keptLink) throw new Error('expected two links');
const revocation = ok(
  'revoke a link',
  await billing.POST('/api/v1/links/revoke', { body: { links: [revokedLink.url], reason: 'user signed out' } }),
);
if (revocation.revoked[0] !== revokedLink.url) throw new Error(`not revoked: ${JSON.stringify(revocation)}`);
console.log(
  `revoked ${revocation.revoked.length}, already revoked ${revocation.already_revoked.length}, not found ${revocation.not_found.length}`,
);

// The admin exports the integration's links as CSV: its own operation, typed as a string.
const csv = ok(
  'export CSV',
  await admin.GET('/api/v1/admin/links.csv', {
    params: { query: { integration_id: integration.id } },
    parseAs: 'text',
  }),
);
const rows = csv.trim().split('\n');
const status = (token: string | undefined) =>
  rows.find((row) => token?.startsWith(row.split(',')[1] ?? '-'))?.split(',')[14];
console.log(
  `exported ${rows.length - 1} links as CSV: ${status(linkToken(revokedLink.url))} and ${status(linkToken(keptLink.url))}`,
);
if (
  rows.length !== 3 ||
  status(linkToken(revokedLink.url)) !== 'revoked' ||
  status(linkToken(keptLink.url)) !== 'active'
)
  throw new Error(`unexpected CSV:\n${csv}`);
