import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readFile } from 'node:fs/promises';
import { createDocumentApp, OPENAPI_FILE, renderOpenApiFile } from './openapi-file';

interface ExpressRouter {
  router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
}

/**
 * What Express actually serves, as `METHOD /path/{param}`, to compare with the document.
 * Nest mounts middleware (the request logger) as catch-all routes; controllers use no wildcards.
 */
function mappedRoutes(app: INestApplication): string[] {
  const { router } = app.getHttpAdapter().getInstance() as ExpressRouter;
  return router.stack.flatMap(({ route }) =>
    route && !route.path.includes('*') ? Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`) : [],
  );
}

function documentedRoutes(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

describe('openapi.json', () => {
  let app: INestApplication;
  let rendered: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createDocumentApp();
    // Routes reach Express only at init; the write script renders without it, and must agree.
    await app.init();
    rendered = renderOpenApiFile(app);
    document = JSON.parse(rendered) as OpenAPIObject;
  });

  afterAll(() => app.close());

  it('is the document the code generates', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '(missing)');
    if (committed !== rendered) throw new Error(`${OPENAPI_FILE} is stale: run npm run openapi:write`);
  });

  it('documents every route the app serves, and no other', () => {
    const mapped = mappedRoutes(app);
    expect(mapped).toContain('POST /api/v1/cameras/preview');
    expect(documentedRoutes(document).sort()).toEqual(mapped.sort());
  });

  it('documents the preview operation: bearer auth, its responses and the vendor example', () => {
    const preview = document.paths['/api/v1/cameras/preview'].post!;
    expect(preview.security).toEqual([{ integration: [] }]);
    expect(document.components?.securitySchemes?.integration).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(preview.responses)).toEqual(expect.arrayContaining(['200', '401', '422']));
    const body = preview.requestBody as { content: Record<string, { examples: Record<string, { value: unknown }> }> };
    expect(body.content['application/json'].examples.vendor.value).toEqual({
      cameras: [{ uuid: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11', stream_type: 'high', date: '2000-01-01T00:00:00Z' }],
      source: 'mp4',
      ttl: '100',
    });
  });
});
