import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Requests no route matched (404s, bodies refused before routing) share one label value. */
const UNMATCHED = 'unmatched';

/** Times every request by route template (never the raw path: that would be one series per id). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? UNMATCHED;
      this.metrics.requestFinished(route, req.method, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  }
}
