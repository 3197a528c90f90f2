import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Level, Logger } from 'pino';

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The only request headers ever logged: known to carry no credential. Anything else (Cookie,
 * X-Api-Key, a header camlinks has never heard of) is left out, whatever it holds.
 */
const LOGGED_HEADERS = [
  'host',
  'user-agent',
  'content-type',
  'content-length',
  'accept',
  'x-original-method',
  'x-real-ip',
  'x-forwarded-for',
];

/** Polled constantly by load balancers and Prometheus: worth a line only when debugging. */
const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;

type LogFields = Record<string, unknown>;
const FIELDS = Symbol('accessLogFields');

/** Adds fields to the request's access-log line (e.g. a verification decision); never a credential. */
export function attachToLog(response: Response, fields: LogFields): void {
  const carrier = response as Response & { [FIELDS]?: LogFields };
  carrier[FIELDS] = carrier[FIELDS] ? Object.assign(carrier[FIELDS], fields) : fields;
}

function requestId(request: Request): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * One line per request, written once when its response is done (or the client went away):
 * request id (also the X-Request-Id response header, a well-formed incoming one kept), method,
 * path without the query (a link token travels there), status, duration, the allow-listed
 * headers and what handlers attached. No child logger per request; nothing is serialized
 * when the level drops the line.
 */
export function accessLog(logger: Logger) {
  return (request: Request & { id?: string }, response: Response, next: NextFunction): void => {
    const started = performance.now();
    // Read now: routing rewrites request.url on its way.
    const { method, path } = request;
    const id = requestId(request);
    request.id = id;
    response.setHeader(REQUEST_ID_HEADER, id);
    response.once('close', () => {
      const status = response.writableFinished ? response.statusCode : undefined;
      // A client that goes away before its answer is not a fault of camlinks' (a server-side
      // failure is logged by the exception filter): a warning, not an error.
      const level: Level =
        status === undefined ? 'warn' : status >= 500 ? 'error' : QUIET_PATHS.test(path) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const headers: Record<string, string | string[]> = {};
      for (const name of LOGGED_HEADERS) {
        const value = request.headers[name];
        if (value !== undefined) headers[name] = value;
      }
      logger[level](
        {
          req: { id, method, path, headers, remoteAddress: request.ip },
          res: { statusCode: status ?? null },
          responseTime: Math.round((performance.now() - started) * 10) / 10,
          ...(response as Response & { [FIELDS]?: LogFields })[FIELDS],
        },
        status === undefined ? 'request aborted by the client' : 'request completed',
      );
    });
    next();
  };
}
