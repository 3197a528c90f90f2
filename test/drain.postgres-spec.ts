import { Agent, request } from 'node:http';
import { eventually } from './support/eventually';
import { aSite, type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'drain-admin-token-0123456789abcdef0123456789';
const DRAIN_MS = 3_000;
/** Keep-alive connections the client holds to the instance, each sending previews back to back. */
const CONNECTIONS = 16;

interface Answer {
  status: number;
  connection: string | undefined;
}

/** One POST over `agent` (keep-alive), as a VMS sends it; rejects on a reset or any socket error. */
function post(agent: Agent, url: string, path: string, token: string, body: object): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { agent, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/**
 * A stop as a load balancer sees it: readiness says 503 at once, the instance keeps answering
 * for SHUTDOWN_DRAIN_MS, and keep-alive clients are told to close with their next answer, so
 * none of their requests is reset or lost.
 */
describe('SIGTERM drain', () => {
  let dbName: string;
  let camlinks: Instance;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    camlinks = await startInstance({
      DATABASE_URL: databaseUrl(dbName),
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'fatal',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    });
  });

  afterAll(async () => {
    await camlinks?.stop('SIGKILL');
    await dropDatabase(dbName);
  });

  it('answers readiness 503 at once, every keep-alive request during the drain, then exits', async () => {
    const { cameraUuid, integrationToken: token } = await aSite(camlinks, ADMIN);
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const preview = () =>
      post(agent, camlinks.url, '/api/v1/cameras/preview', token, { cameras: [{ uuid: cameraUuid }], source: 'jpg' });

    // The client stops sending once it has seen readiness fail (as a load balancer stops routing).
    let routing = true;
    const answers: Answer[] = [];
    const errors: Error[] = [];
    const worker = async () => {
      while (routing)
        await preview().then(
          (answer) => answers.push(answer),
          (error: Error) => errors.push(error),
        );
    };
    const workers = Array.from({ length: CONNECTIONS }, worker);
    try {
      await eventually(async () => expect(answers.length + errors.length).toBeGreaterThan(2 * CONNECTIONS), 20_000);
    } finally {
      if (errors.length) routing = false;
    }
    expect(errors).toEqual([]);

    const sent = Date.now();
    const exited = camlinks.stop('SIGTERM');
    let ready = 200;
    while (ready !== 503 && Date.now() - sent < DRAIN_MS) {
      ready = await fetch(`${camlinks.url}/health/ready`).then((r) => r.status);
    }
    expect(ready).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS / 3)); // traffic still arriving meanwhile
    routing = false;
    await Promise.all(workers);
    agent.destroy();

    expect(errors).toEqual([]);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    // Each connection was told to close once the stop began.
    expect(answers.filter((a) => a.connection === 'close').length).toBeGreaterThanOrEqual(CONNECTIONS);
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);
});
