/** Where camlinks keeps its data: a PostgreSQL server, or the embedded PGlite directory. */
export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; dataDir: string };

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'embedded') return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
