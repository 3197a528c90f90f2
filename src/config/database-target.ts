/** Where camlinks keeps its data: a PostgreSQL server, or the embedded PGlite directory. */
export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolSize: number; timeouts?: PoolTimeouts } | { kind: 'embedded'; dataDir: string };

/**
 * How long the server's pool waits on PostgreSQL (DATABASE_CONNECT_TIMEOUT_MS,
 * DATABASE_STATEMENT_TIMEOUT_MS); absent for scripts whose statements may run long (migrations).
 */
export interface PoolTimeouts {
  /** A pool slot or a new connection not had within this long is a failure. */
  connectMs: number;
  /** The server cancels a statement running longer (it answers 57014). */
  statementMs: number;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'embedded') return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
