import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** MediaMTX's `protocol` in an auth request (internal/auth/request.go) and where it keeps such sessions (api/openapi.yaml). */
const COLLECTION: Record<string, string> = {
  rtsp: 'rtspsessions',
  rtsps: 'rtspssessions',
  rtmp: 'rtmpconns',
  rtmps: 'rtmpsconns',
  srt: 'srtconns',
  webrtc: 'webrtcsessions',
  hls: 'hlssessions',
};

/** RTSPS readers ask as rtsp, RTMPS ones as rtmp. */
const AUTH_PROTOCOL: Record<string, string> = { rtsps: 'rtsp', rtmps: 'rtmp' };

export type StandInProtocol = keyof typeof COLLECTION;

export interface ReadOptions {
  /** A link token: for RTSP and RTMP MediaMTX reads it from the query itself; for HLS camlinks does. */
  token: string;
  protocol?: StandInProtocol;
  ip?: string;
  userAgent?: string;
}

export interface Kick {
  collection: string;
  id: string;
  /** Date.now() when the kick arrived. */
  at: number;
  /** 200: it closed a session; 404: there was none. */
  status: number;
}

/**
 * A stand-in for MediaMTX, written from its published behaviour: a reader is admitted by POSTing
 * `authHTTPAddress` the JSON body of internal/auth/manager.go (`authenticateHTTP`) and kept until
 * it is kicked through the control API (`POST /v3/{collection}/kick/{id}`: 200, or 404 for an id
 * it does not hold). Like MediaMTX with `authMethod: http`, the control API itself asks the auth
 * endpoint (action `api`, the request's Basic credentials) unless `apiAuth` is off (the
 * `authHTTPExclude: [{action: api}]` setup).
 */
export class MediaMtxStandIn {
  readonly kicks: Kick[] = [];
  /** Open sessions by id, with the collection they sit in. */
  readonly sessions = new Map<string, { collection: string; path: string }>();
  private server?: Server;
  private hanging = false;
  /** Control API requests received and not answered (while hanging), whose connection is still open. */
  held = 0;

  private constructor(
    /** MediaMTX's `authHTTPAddress`: where it asks (a test may point it at another instance). */
    public authUrl: string,
    private readonly apiAuth: boolean,
    readonly port: number,
  ) {}

  static async start(options: { authUrl: string; apiAuth?: boolean }): Promise<MediaMtxStandIn> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const standIn = new MediaMtxStandIn(options.authUrl, options.apiAuth ?? true, port);
    await standIn.resume();
    return standIn;
  }

  get controlApiUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * A reader opens `path` as MediaMTX would admit it: one auth request with a new session id.
   * Resolves to that id when camlinks allowed it (the session is then open), null when refused.
   */
  async read(path: string, options: ReadOptions): Promise<string | null> {
    const id = randomUUID();
    const protocol = options.protocol ?? 'rtsp';
    const query = `token=${options.token}`;
    // getToken(): for RTSP and RTMP MediaMTX takes `token` from the query; over HTTP (HLS, WebRTC) it leaves that to the backend.
    const tokenFromQuery = protocol.startsWith('rtsp') || protocol.startsWith('rtmp');
    const allowed = await this.authenticate({
      ip: options.ip ?? '203.0.113.9',
      user: '',
      password: '',
      token: tokenFromQuery ? options.token : '',
      action: 'read',
      path,
      protocol: AUTH_PROTOCOL[protocol] ?? protocol,
      id,
      query,
      userAgent: options.userAgent ?? 'stand-in player',
    });
    if (!allowed) return null;
    this.sessions.set(id, { collection: COLLECTION[protocol], path });
    return id;
  }

  /** The control API stops answering (connections refused), as when MediaMTX is down. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** The control API accepts requests and never answers them, as a stuck MediaMTX would; until resume(). */
  hang(): void {
    this.hanging = true;
  }

  /** The control API answers again, on the same port. */
  async resume(): Promise<void> {
    this.hanging = false;
    if (this.server) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  kicksOf(id: string): Kick[] {
    return this.kicks.filter((kick) => kick.id === id);
  }

  private async authenticate(body: Record<string, string | null>): Promise<boolean> {
    const response = await fetch(this.authUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.hanging) {
      this.held++;
      return void req.socket.once('close', () => this.held--);
    }
    const match = /^\/v3\/([a-z]+)\/kick\/([^/?]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return send(res, 404, { status: 'error', error: 'not found' });
    if (this.apiAuth && !(await this.apiAllowed(req)))
      return send(res, 401, { status: 'error', error: 'authentication error' });
    const [, collection, id] = match;
    const session = this.sessions.get(decodeURIComponent(id));
    const found = session !== undefined && session.collection === collection;
    this.kicks.push({ collection, id: decodeURIComponent(id), at: Date.now(), status: found ? 200 : 404 });
    if (!found) return send(res, 404, { status: 'error', error: 'session not found' });
    this.sessions.delete(decodeURIComponent(id));
    send(res, 200, { status: 'ok' });
  }

  /** api/api.go middlewareAuth: the request's Basic credentials, asked of the auth backend with action `api`. */
  private apiAllowed(req: IncomingMessage): Promise<boolean> {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [user, ...rest] = basic ? Buffer.from(basic[1], 'base64').toString().split(':') : [''];
    const password = rest.join(':');
    return this.authenticate({
      ip: '127.0.0.1',
      user,
      password,
      token: password,
      action: 'api',
      path: '',
      protocol: '',
      id: null,
      query: '',
      userAgent: '',
    });
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
