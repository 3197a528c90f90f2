import { connect, createServer, type Server, type Socket } from 'node:net';

interface Connection {
  client: Socket;
  upstream: Socket;
  /** Client bytes not forwarded while the proxy holds traffic. */
  held: Buffer[];
  /** The client's first bytes (a PostgreSQL startup message names the application). */
  first?: Buffer;
  /** Nothing is forwarded either way, ever again, and nothing is closed. */
  swallowed: boolean;
}

/**
 * A TCP proxy to a server the tests must not stop (the shared PostgreSQL): stopping the proxy
 * is an outage for whoever connects through it. `stop()` refuses new connections and cuts the
 * open ones, as a crashed server would; `hold()` keeps connections open but forwards nothing,
 * as a stalled one would.
 */
export class TcpProxy {
  private server?: Server;
  private readonly connections = new Set<Connection>();
  private holding = false;
  private swallow?: (first: Buffer) => boolean;

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new TcpProxy(target, port);
    await proxy.resume();
    return proxy;
  }

  /**
   * From now on, connections whose first client bytes match (open ones and new ones) lose all
   * their traffic, both ways, without being closed: neither end hears anything again. Until
   * `resume()`, which spares new connections; swallowed ones stay swallowed.
   */
  blackhole(match: (first: Buffer) => boolean): void {
    this.swallow = match;
    for (const connection of this.connections)
      if (connection.first && match(connection.first)) connection.swallowed = true;
  }

  /** Accepts connections again (on the same port) and forwards what was held. */
  async resume(): Promise<void> {
    this.holding = false;
    this.swallow = undefined;
    for (const connection of this.connections) this.flush(connection);
    if (this.server) return;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  hold(): void {
    this.holding = true;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const { client, upstream } of this.connections) {
      client.destroy();
      upstream.destroy();
    }
    this.connections.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const connection: Connection = { client, upstream, held: [], swallowed: false };
    this.connections.add(connection);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.connections.delete(connection);
    };
    client.on('data', (chunk: Buffer) => {
      if (!connection.first) {
        connection.first = chunk;
        connection.swallowed = this.swallow?.(chunk) ?? false;
      }
      if (connection.swallowed) return;
      if (this.holding) connection.held.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => connection.swallowed || client.write(chunk));
    for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
  }

  private flush(connection: Connection): void {
    for (const chunk of connection.held.splice(0)) connection.upstream.write(chunk);
  }
}
