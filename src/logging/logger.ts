import type { LoggerService } from '@nestjs/common';
import { destination, type Level, type Logger, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { AppConfig } from '../config/app-config';
import { scrubSecrets } from './scrub-secrets';

/**
 * The one pino logger of the process: JSON lines on stdout (LOG_FORMAT=json), or human-readable
 * ones for a terminal (LOG_FORMAT=pretty). Every line is scrubbed of anything shaped like a
 * credential before it is written.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): Logger {
  const stdout = destination(1);
  const prettify =
    config.logFormat === 'pretty'
      ? prettyFactory({
          colorize: process.stdout.isTTY,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,context,req,res,responseTime',
          messageFormat,
        })
      : undefined;
  const write = prettify ? (line: string) => stdout.write(prettify(line)) : (line: string) => stdout.write(line);
  return pino({ level: config.logLevel }, { write: (line: string) => write(scrubSecrets(line)) });
}

type LogLine = {
  msg?: string;
  context?: string;
  req?: { id: string; method: string; path: string };
  res?: { statusCode: number | null };
  responseTime?: number;
};

/** One line a request for a person: `GET /api/v1/… 200 3.1 ms <request id>`; `[context] message` otherwise. */
function messageFormat(log: LogLine): string {
  if (log.req && log.res)
    return `${log.req.method} ${log.req.path} ${log.res.statusCode ?? 'aborted'} ${log.responseTime} ms ${log.req.id}`;
  return log.context ? `[${log.context}] ${log.msg}` : `${log.msg}`;
}

const NEST_START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/**
 * Nest's logger (bootstrap messages, `new Logger(context)` across camlinks) written through
 * pino: `context` becomes a field, an error's stack too. Nothing is formatted for a level the
 * logger drops.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    // Nest's start-up report (every module, controller and route: ~100 lines) would bury the banner.
    this.write(NEST_START_UP_CONTEXTS.has(params[params.length - 1] as string) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes (message, context) and, for errors, (message, stack, context).
    const context =
      params.length && typeof params[params.length - 1] === 'string'
        ? (params[params.length - 1] as string)
        : undefined;
    const stack = level === 'error' && params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    const fields = { ...(context && { context }), ...(stack && { stack }) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
