import type { PGlite } from '@electric-sql/pglite';
import { type Pool, types } from 'pg';

/** A statement of a hot path, with the name it is prepared under (once per connection) on PostgreSQL. */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * The hot paths' way to the database, around Prisma: its JavaScript runtime costs more CPU per
 * statement than the driver does (docs/BENCHMARKS.md). Parameters are bound, never spliced;
 * rows come back with the driver's types (timestamptz as Date, json parsed).
 */
export interface DirectSql {
  query<R>(statement: NamedStatement, values: unknown[]): Promise<R[]>;
  /** A statement whose text varies with its caller's filter: prepared under no name, planned at each run. */
  queryUnnamed<R>(text: string, values: unknown[]): Promise<R[]>;
}

/** Named prepared statements on the pool: each connection prepares a statement once, by its name. */
export function directSqlOnPool(pool: Pool): DirectSql {
  return {
    query: async (statement, values) => (await pool.query({ ...statement, values })).rows,
    queryUnnamed: async (text, values) => (await pool.query({ text, values })).rows,
  };
}

/**
 * Timestamps as the driver reads them on PostgreSQL: PGlite's own parser is the JavaScript Date's,
 * which reads the years 1 to 49 as 2001 to 2049 and 50 to 99 as 1950 to 1999 (an archive from 0001 was
 * listed from 2001).
 */
const PGLITE_PARSERS = { [types.builtins.TIMESTAMPTZ]: types.getTypeParser(types.builtins.TIMESTAMPTZ) };

/** PGlite has one connection and prepares nothing by name; its query() is the extended protocol with bound parameters. */
export function directSqlOnPGlite(pglite: PGlite): DirectSql {
  const query = async <R>(text: string, values: unknown[]) =>
    (await pglite.query<R>(text, values, { parsers: PGLITE_PARSERS })).rows;
  return { query: (statement, values) => query(statement.text, values), queryUnnamed: query };
}
