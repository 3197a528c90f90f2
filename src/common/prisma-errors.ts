import { AppError, ErrorCode } from './app-error';
import { Prisma } from '../generated/prisma/client';

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable. Try again shortly.';

/**
 * Prisma's codes for a database that cannot be reached, dropped the connection or is out of
 * connections; P2028, a transaction that could not start or finish in time, is what a stalled
 * database does to an interactive transaction.
 */
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Raw queries report the same as P2010, with the driver adapter's reason. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
/**
 * PostgreSQL cancelled a statement that ran past DATABASE_STATEMENT_TIMEOUT_MS (57014), or is
 * shutting down, restarting or starting up (57P01–57P03): the database cannot answer now.
 */
const NOT_NOW = /^57(014|P0[123])$/;
/**
 * pg's bare errors for a connection lost mid-query, or before the holder's next statement (a
 * restart between two statements of a transaction): "…is not queryable".
 */
const PG_CONNECTION_LOST =
  /^Connection terminated|^Client (has encountered a connection error|was closed) and is not queryable/;

/**
 * The one place Prisma's error codes become camlinks errors. Repositories let these errors
 * through; the global filter asks here before treating an error as unexpected.
 */
export function fromPrismaError(error: unknown): AppError | undefined {
  if (isConnectionFailure(error)) return new AppError(ErrorCode.Unavailable, DATABASE_UNAVAILABLE_MESSAGE);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  switch (error.code) {
    case 'P2002':
      return new AppError(ErrorCode.Conflict, `A record with the same ${uniqueFields(error)} already exists.`);
    case 'P2003':
      return stillReferenced();
    case 'P2025':
      return new AppError(ErrorCode.NotFound, 'Record not found.');
    default:
      // PostgreSQL 18 (the embedded one too) reports ON DELETE RESTRICT as 23001, which Prisma leaves unmapped.
      return driverCause(error)?.originalCode === '23001' ? stillReferenced() : undefined;
  }
}

/** A statement gave up waiting for a lock after the transaction's lock_timeout (55P03). */
export function isLockTimeout(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && driverCause(error)?.originalCode === '55P03';
}

function isConnectionFailure(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = driverCause(error);
    return (
      UNREACHABLE_CODES.has(error.code) ||
      NOT_NOW.test(cause?.originalCode ?? '') ||
      (error.code === 'P2010' && cause?.kind !== undefined && UNREACHABLE_KINDS.has(cause.kind))
    );
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  // The driver's own errors (DirectSql; a connection that drops mid-query): unwrapped, some without a code.
  const code = (error as { code?: string }).code ?? '';
  return (
    error instanceof Error && (SOCKET_CODES.has(code) || NOT_NOW.test(code) || PG_CONNECTION_LOST.test(error.message))
  );
}

const stillReferenced = () => new AppError(ErrorCode.Conflict, 'The record is still referenced by other records.');

interface DriverCause {
  kind?: string;
  originalCode?: string;
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

function driverCause(error: Prisma.PrismaClientKnownRequestError): DriverCause | undefined {
  return (error.meta?.driverAdapterError as { cause?: DriverCause } | undefined)?.cause;
}

/** The columns of a violated unique constraint; PrismaPg names only the index (`users_name_key`, `users_pkey` for the id). */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string {
  const cause = driverCause(error);
  const fromIndex =
    cause?.table && cause.constraint?.index?.startsWith(`${cause.table}_`)
      ? cause.constraint.index
          .slice(cause.table.length + 1)
          .replace(/_key$/, '')
          .replace(/^pkey$/, 'id')
      : undefined;
  const target = (error.meta?.target as string[] | string | undefined) ?? cause?.constraint?.fields ?? fromIndex;
  if (!target) return 'value';
  return (Array.isArray(target) ? target : [target]).map((field) => field.replace(/"/g, '')).join(', ');
}
