import type { NestExpressApplication } from '@nestjs/platform-express';
import { Eta } from 'eta';
import { type NextFunction, type Request, type Response, urlencoded } from 'express';
import { join, relative } from 'node:path';

/** No script or style but camlinks' own files, no framing, forms post only here. */
const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The console at /admin (src/console): Eta templates through Nest's MVC support, its
 * stylesheet, form posts, and the headers every console response carries.
 */
export function setUpConsole(app: NestExpressApplication): void {
  const views = join(__dirname, 'views');
  // autoEscape: every `<%= %>` is HTML-escaped; cache: templates are read once.
  const eta = new Eta({ views, cache: true, autoEscape: true });
  app.engine('eta', (path: string, data: object, done: (error: Error | null, html?: string) => void) => {
    try {
      done(null, eta.render(relative(views, path), data));
    } catch (error) {
      done(error as Error);
    }
  });
  app.setBaseViewsDir(views);
  app.setViewEngine('eta');
  app.use('/admin', consoleHeaders, withoutEmptyQueryFields, urlencoded({ extended: false, limit: '16kb' }));
  app.useStaticAssets(join(__dirname, 'assets'), { prefix: '/admin/assets/', index: false });
}

function consoleHeaders(_request: Request, response: Response, next: NextFunction): void {
  // same-origin, not helmet's no-referrer: under no-referrer a browser's form post says `Origin: null`, which the CSRF check refuses.
  response.set({
    'Content-Security-Policy': CONSOLE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'same-origin',
  });
  next();
}

/** A filter form sends every field, empty ones too: an empty field means "no filter", not an invalid value. */
function withoutEmptyQueryFields(request: Request, _response: Response, next: NextFunction): void {
  const at = request.url.indexOf('?');
  if (at >= 0) {
    const params = new URLSearchParams(request.url.slice(at + 1));
    const kept = [...params].filter(([, value]) => value.trim() !== '');
    if (kept.length !== [...params].length)
      request.url = request.url.slice(0, at) + (kept.length ? `?${new URLSearchParams(kept).toString()}` : '');
  }
  next();
}
