import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { auditedActions } from '../audit/audited-actions';
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
    route && !route.path.includes('*')
      ? Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
}

function documentedRoutes(document: OpenAPIObject): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
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

  it('documents every route the app serves, and no other (the console at /admin and the landing pages are HTML for people, not API)', () => {
    const mapped = mappedRoutes(app).filter((route) => !/^\w+ \/(admin\b|welcome$|readme$|$)/.test(route));
    expect(mappedRoutes(app)).toContain('GET /admin/links');
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

/** What @nestjs/swagger keeps a DTO's documented properties under. */
const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';

function dtoFiles(dir = join(__dirname, '..')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() && entry.name !== 'generated'
      ? dtoFiles(join(dir, entry.name))
      : entry.name.endsWith('.dto.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every operation of the document, with its route (`GET /path`) and path. */
const operationsOf = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) =>
      item[method] ? [{ route: `${method.toUpperCase()} ${path}`, path, op: item[method] }] : [],
    ),
  );

describe('openapi.json for a person reading Swagger UI', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8')) as OpenAPIObject;
  });
  const operations = () => operationsOf(document);

  it('gives every operation a summary, a description and one declared tag', () => {
    const declared = (document.tags ?? []).map((tag) => tag.name);
    const lacking = operations().filter(
      ({ op }) => !op.summary || !op.description || op.tags?.length !== 1 || !declared.includes(op.tags[0]),
    );
    expect(lacking.map(({ route }) => route)).toEqual([]);
  });

  it('says which routes are public, and documents 429 with Retry-After wherever a rate limit answers it', () => {
    for (const { route, path, op } of operations()) {
      expect([route, op.security]).toEqual([route, expect.any(Array)]);
      const limited = path.startsWith('/api/v1/') && !path.startsWith('/api/v1/media-auth/');
      expect([
        route,
        (op.responses['429'] as { headers?: Record<string, unknown> } | undefined)?.headers?.['Retry-After'],
      ]).toEqual([route, limited ? expect.objectContaining({ required: true }) : undefined]);
    }
    expect(document.paths['/health/live'].get!.security).toEqual([]);
  });

  it('describes tokens as opaque bearer tokens, and X-User-Token as a user token sent by an integration', () => {
    for (const scheme of Object.values(document.components!.securitySchemes!)) {
      expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(scheme).not.toHaveProperty('bearerFormat');
    }
    const header = document.paths['/api/v1/cameras/preview'].post!.parameters!.find(
      (p) => 'name' in p && p.name === 'X-User-Token',
    );
    expect(header).toMatchObject({
      in: 'header',
      description: expect.stringMatching(/^A user's token \(`clu_…`\), sent by an integration acting for that user/),
    });
  });
});

describe('DTO schema names', () => {
  it('are unique: two classes of one name would silently share one schema, documenting the wrong body', () => {
    const classesByName = new Map<string, Map<unknown, string>>();
    for (const file of dtoFiles()) {
      // Every DTO file, found at run time: an import list would miss the next one.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const [exported, value] of Object.entries(require(file) as Record<string, unknown>)) {
        if (typeof value !== 'function' || !Reflect.getMetadata(SWAGGER_PROPERTIES, value.prototype as object))
          continue;
        const classes = classesByName.get(value.name) ?? new Map<unknown, string>();
        classes.set(value, `${relative(join(__dirname, '..', '..'), file)} (${exported})`);
        classesByName.set(value.name, classes);
      }
    }
    expect(classesByName.size).toBeGreaterThan(30);
    const shared = [...classesByName]
      .filter(([, classes]) => classes.size > 1)
      .map(([name, classes]) => `${name}: ${[...classes.values()].join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('openapi.json for generated clients (openapi-typescript, orval, @hey-api/openapi-ts)', () => {
  let document: OpenAPIObject;
  let app: INestApplication;
  beforeAll(async () => {
    document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8')) as OpenAPIObject;
    app = await createDocumentApp();
  });
  afterAll(() => app.close());
  const operations = () => operationsOf(document);
  const schema = (name: string) =>
    document.components!.schemas![name] as { properties: Record<string, Record<string, unknown>> };

  it('gives every parameter a typed schema (an empty one is `unknown`)', () => {
    const untyped = operations().flatMap(({ route, op }) =>
      (op.parameters ?? []).flatMap((p) =>
        'schema' in p && p.schema && ('type' in p.schema || '$ref' in p.schema)
          ? []
          : [`${route} ${'name' in p ? p.name : '?'}`],
      ),
    );
    expect(untyped).toEqual([]);
  });

  it('answers each status with one media type: no JSON/CSV union (the CSV export is its own operation)', () => {
    const unions = operations().flatMap(({ route, op }) =>
      Object.entries(op.responses).flatMap(([status, r]) =>
        Object.keys((r as { content?: object }).content ?? {}).length > 1 ? [`${route} ${status}`] : [],
      ),
    );
    expect(unions).toEqual([]);
    expect(
      Object.keys((document.paths['/api/v1/admin/links.csv'].get!.responses['200'] as { content: object }).content),
    ).toEqual(['text/csv']);
  });

  it('pre-fills no query parameter in Swagger UI: a filter example belongs in its description', () => {
    const prefilled = operations().flatMap(({ route, op }) =>
      (op.parameters ?? []).flatMap((p) =>
        'in' in p &&
        p.in === 'query' &&
        route.startsWith('GET /api/v1/admin/') &&
        (p.example !== undefined || (p.schema as { example?: unknown })?.example !== undefined)
          ? [`${route} ${p.name}`]
          : [],
      ),
    );
    expect(prefilled).toEqual([]);
    const tokenPrefix = document.paths['/api/v1/admin/links'].get!.parameters!.find(
      (p) => 'name' in p && p.name === 'token_prefix',
    );
    expect(tokenPrefix).toMatchObject({ description: expect.stringContaining('`cll_Ab3dE`') });
  });

  it('has no `default` in request bodies (openapi-typescript would make the field required)', () => {
    const bodies = operations().flatMap(({ op }) => {
      const ref = (op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)
        ?.content?.['application/json']?.schema?.$ref;
      return ref ? [ref.split('/').pop()!] : [];
    });
    const seen = new Set<string>();
    const defaults: string[] = [];
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [key, property] of Object.entries(schema(name).properties ?? {})) {
        if ('default' in property) defaults.push(`${name}.${key}`);
        const nested = JSON.stringify(property).match(/#\/components\/schemas\/(\w+)/g) ?? [];
        for (const reference of nested) visit(reference.split('/').pop()!);
      }
    };
    bodies.forEach(visit);
    expect(seen.size).toBeGreaterThan(10);
    expect(defaults).toEqual([]);
  });

  it('types timestamps as date-time and URLs as uri', () => {
    for (const name of ['CameraLinkDto', 'VideoLinkDto']) {
      expect([name, schema(name).properties.url.format]).toEqual([name, 'uri']);
      expect([name, schema(name).properties.expired_at.format, schema(name).properties.move_to.format]).toEqual([
        name,
        'date-time',
        'date-time',
      ]);
    }
  });

  it('types closed sets as enums from the constants the server uses', () => {
    expect(schema('LinkDto').properties.source.enum).toEqual(['mp4', 'jpg', 'hls', 'rtsp']);
    expect(schema('UsageDto').properties.last_denied_reason.enum).toEqual(
      expect.arrayContaining(['wrong_resource', 'revoked', null]),
    );
    expect(schema('AuditEventDto').properties.actor_type.enum).toEqual([
      'admin',
      'integration',
      'user',
      'unauthenticated',
    ]);
    const actions = schema('AuditEventDto').properties.action.enum as string[];
    expect(actions).toEqual(auditedActions(app));
    expect(actions).toEqual(
      expect.arrayContaining([
        'POST /api/v1/admin/links/:id/revoke',
        'DELETE /api/v1/admin/integrations/:id/tokens/:tokenId',
        'POST /admin/sign-in',
      ]),
    );
    expect(schema('AuditEventDto').properties.object_type.enum).toEqual(
      expect.arrayContaining(['links', 'cameras', 'integrations']),
    );
    const filters = document.paths['/api/v1/admin/audit-events'].get!.parameters!;
    expect(filters.find((p) => 'name' in p && p.name === 'action')).toMatchObject({ schema: { enum: actions } });
  });
});
