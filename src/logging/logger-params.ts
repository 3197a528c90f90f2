import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { destination, type DestinationStream, type LevelWithSilent } from 'pino';
import type { AppConfig } from '../config/app-config';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Headers whose whole value is a credential. */
const CREDENTIAL_HEADERS = ['authorization', 'x-user-token', 'x-media-server-secret', 'cookie'];

/**
 * Credentials inside text, wherever it is logged (X-Original-URI, a URL in a message or an
 * error): query parameters named like a secret, bearer values, and anything shaped like a
 * camlinks token (cli_, clu_, cll_ and 43 characters).
 */
const SECRET_IN_TEXT = /([?&;#][\w.-]*(?:token|secret|password|key)[\w.-]*=)[^&#\s"\\]+|(Bearer\s+)[^\s"\\]+|(cl[ilu]_)[\w-]{43}/gi;

export function scrubSecrets(text: string): string {
  return text.replace(SECRET_IN_TEXT, (_, parameter?: string, bearer?: string, prefix?: string) => `${parameter ?? bearer ?? prefix}[redacted]`);
}

/** Polled constantly by load balancers and Prometheus: worth a line only when debugging. */
const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** stdout, with every line scrubbed: the last line of defence behind the redacted paths. */
function scrubbedStdout(): DestinationStream {
  const stdout = destination(1);
  return { write: (line: string) => stdout.write(scrubSecrets(line)) };
}

/**
 * JSON logs through pino: one line per request (with its id, also returned as a response
 * header, and what the handler assigned to it, such as a verification decision), credentials
 * redacted by header and scrubbed from every line.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    assignResponse: true,
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: requestId,
        redact: { paths: CREDENTIAL_HEADERS.map((header) => `req.headers["${header}"]`), censor: '[redacted]' },
        // The query string is left out: it may carry a link token.
        serializers: {
          req: (req: { id: string; method: string; url: string; headers: object }) => ({
            id: req.id,
            method: req.method,
            path: req.url.split('?')[0],
            headers: req.headers,
          }),
          // Response headers are the same security headers every time.
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (req: IncomingMessage, res: ServerResponse, error?: Error): LevelWithSilent => {
          if (error || res.statusCode >= 500) return 'error';
          return QUIET_PATHS.test(req.url ?? '') ? 'debug' : 'info';
        },
      },
      scrubbedStdout(),
    ],
  };
}
