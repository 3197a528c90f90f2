import { ErrorCode } from './app-error';
import { Prisma } from '../generated/prisma/client';
import { DATABASE_UNAVAILABLE_MESSAGE, fromPrismaError } from './prisma-errors';

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: 'test', meta });
const driver = (kind: string) => ({ driverAdapterError: { name: 'DriverAdapterError', cause: { kind } } });

describe('fromPrismaError: an unreachable database', () => {
  it.each<[string, unknown]>([
    ['cannot reach the server (model query)', known('P1001', driver('DatabaseNotReachable'))],
    ['cannot reach the server (raw query)', known('P2010', driver('DatabaseNotReachable'))],
    ['the connection was reset (raw query)', known('P2010', driver('ConnectionClosed'))],
    ['no connection from the pool in time', known('P2024')],
    ['a transaction that could not start in time', known('P2028')],
    ['the connection dropped mid-query (pg)', new Error('Connection terminated unexpectedly')],
    [
      'the connection dropped between statements (pg)',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'the socket was refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
  ])('is 503 with a clear message when %s', (_, error) => {
    expect(fromPrismaError(error)).toMatchObject({
      code: ErrorCode.Unavailable,
      message: DATABASE_UNAVAILABLE_MESSAGE,
    });
  });

  it('leaves other failures to the filter as unexpected', () => {
    expect(
      fromPrismaError(known('P2010', { driverAdapterError: { cause: { kind: 'postgres', originalCode: '42P01' } } })),
    ).toBeUndefined();
    expect(fromPrismaError(new Error('something else'))).toBeUndefined();
  });
});
