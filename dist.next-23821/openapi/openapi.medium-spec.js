"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodefs = require("node:fs");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
const _auditedactions = require("../audit/audited-actions");
const _openapifile = require("./openapi-file");
/**
 * What Express actually serves, as `METHOD /path/{param}`, to compare with the document.
 * Nest mounts middleware (the request logger) as catch-all routes; controllers use no wildcards.
 */ function mappedRoutes(app) {
    const { router } = app.getHttpAdapter().getInstance();
    return router.stack.flatMap(({ route })=>route && !route.path.includes('*') ? Object.keys(route.methods).map((method)=>`${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`) : []);
}
function documentedRoutes(document) {
    return Object.entries(document.paths).flatMap(([path, item])=>Object.keys(item).map((method)=>`${method.toUpperCase()} ${path}`));
}
describe('openapi.json', ()=>{
    let app;
    let rendered;
    let document;
    beforeAll(async ()=>{
        app = await (0, _openapifile.createDocumentApp)();
        // Routes reach Express only at init; the write script renders without it, and must agree.
        await app.init();
        rendered = (0, _openapifile.renderOpenApiFile)(app);
        document = JSON.parse(rendered);
    });
    afterAll(()=>app.close());
    it('is the document the code generates', async ()=>{
        const committed = await (0, _promises.readFile)(_openapifile.OPENAPI_FILE, 'utf8').catch(()=>'(missing)');
        if (committed !== rendered) throw new Error(`${_openapifile.OPENAPI_FILE} is stale: run npm run openapi:write`);
    });
    it('documents every route the app serves, and no other (the console at /admin and the landing pages are HTML for people, not API)', ()=>{
        const mapped = mappedRoutes(app).filter((route)=>!/^\w+ \/(admin\b|welcome$|readme$|$)/.test(route));
        expect(mappedRoutes(app)).toContain('GET /admin/links');
        expect(mapped).toContain('POST /api/v1/cameras/preview');
        expect(documentedRoutes(document).sort()).toEqual(mapped.sort());
    });
    it('documents the preview operation: bearer auth, its responses and the vendor example', ()=>{
        const preview = document.paths['/api/v1/cameras/preview'].post;
        expect(preview.security).toEqual([
            {
                integration: []
            }
        ]);
        expect(document.components?.securitySchemes?.integration).toMatchObject({
            type: 'http',
            scheme: 'bearer'
        });
        expect(Object.keys(preview.responses)).toEqual(expect.arrayContaining([
            '200',
            '401',
            '422'
        ]));
        const body = preview.requestBody;
        expect(body.content['application/json'].examples.vendor.value).toEqual({
            cameras: [
                {
                    uuid: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11',
                    stream_type: 'high',
                    date: '2000-01-01T00:00:00Z'
                }
            ],
            source: 'mp4',
            ttl: '100'
        });
    });
});
/** What @nestjs/swagger keeps a DTO's documented properties under. */ const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';
function dtoFiles(dir = (0, _nodepath.join)(__dirname, '..')) {
    return (0, _nodefs.readdirSync)(dir, {
        withFileTypes: true
    }).flatMap((entry)=>entry.isDirectory() && entry.name !== 'generated' ? dtoFiles((0, _nodepath.join)(dir, entry.name)) : entry.name.endsWith('.dto.ts') ? [
            (0, _nodepath.join)(dir, entry.name)
        ] : []);
}
/** Every operation of the document, with its route (`GET /path`) and path. */ const operationsOf = (document)=>Object.entries(document.paths).flatMap(([path, item])=>[
            'get',
            'put',
            'post',
            'delete',
            'patch'
        ].flatMap((method)=>item[method] ? [
                {
                    route: `${method.toUpperCase()} ${path}`,
                    path,
                    op: item[method]
                }
            ] : []));
describe('openapi.json for a person reading Swagger UI', ()=>{
    let document;
    beforeAll(async ()=>{
        document = JSON.parse(await (0, _promises.readFile)(_openapifile.OPENAPI_FILE, 'utf8'));
    });
    const operations = ()=>operationsOf(document);
    it('gives every operation a summary, a description and one declared tag', ()=>{
        const declared = (document.tags ?? []).map((tag)=>tag.name);
        const lacking = operations().filter(({ op })=>!op.summary || !op.description || op.tags?.length !== 1 || !declared.includes(op.tags[0]));
        expect(lacking.map(({ route })=>route)).toEqual([]);
    });
    it('says which routes are public, and documents 429 with Retry-After wherever a rate limit answers it', ()=>{
        for (const { route, path, op } of operations()){
            expect([
                route,
                op.security
            ]).toEqual([
                route,
                expect.any(Array)
            ]);
            const limited = path.startsWith('/api/v1/') && !path.startsWith('/api/v1/media-auth/');
            expect([
                route,
                op.responses['429']?.headers?.['Retry-After']
            ]).toEqual([
                route,
                limited ? expect.objectContaining({
                    required: true
                }) : undefined
            ]);
        }
        expect(document.paths['/health/live'].get.security).toEqual([]);
    });
    it('describes tokens as opaque bearer tokens, and X-User-Token as a user token sent by an integration', ()=>{
        for (const scheme of Object.values(document.components.securitySchemes)){
            expect(scheme).toMatchObject({
                type: 'http',
                scheme: 'bearer'
            });
            expect(scheme).not.toHaveProperty('bearerFormat');
        }
        const header = document.paths['/api/v1/cameras/preview'].post.parameters.find((p)=>'name' in p && p.name === 'X-User-Token');
        expect(header).toMatchObject({
            in: 'header',
            description: expect.stringMatching(/^A user's token \(`clu_…`\), sent by an integration acting for that user/)
        });
    });
});
describe('DTO schema names', ()=>{
    it('are unique: two classes of one name would silently share one schema, documenting the wrong body', ()=>{
        const classesByName = new Map();
        for (const file of dtoFiles()){
            // Every DTO file, found at run time: an import list would miss the next one.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            for (const [exported, value] of Object.entries(require(file))){
                if (typeof value !== 'function' || !Reflect.getMetadata(SWAGGER_PROPERTIES, value.prototype)) continue;
                const classes = classesByName.get(value.name) ?? new Map();
                classes.set(value, `${(0, _nodepath.relative)((0, _nodepath.join)(__dirname, '..', '..'), file)} (${exported})`);
                classesByName.set(value.name, classes);
            }
        }
        expect(classesByName.size).toBeGreaterThan(30);
        const shared = [
            ...classesByName
        ].filter(([, classes])=>classes.size > 1).map(([name, classes])=>`${name}: ${[
                ...classes.values()
            ].join(', ')}`);
        expect(shared).toEqual([]);
    });
});
describe('openapi.json for generated clients (openapi-typescript, orval, @hey-api/openapi-ts)', ()=>{
    let document;
    let app;
    beforeAll(async ()=>{
        document = JSON.parse(await (0, _promises.readFile)(_openapifile.OPENAPI_FILE, 'utf8'));
        app = await (0, _openapifile.createDocumentApp)();
    });
    afterAll(()=>app.close());
    const operations = ()=>operationsOf(document);
    const schema = (name)=>document.components.schemas[name];
    it('gives every parameter a typed schema (an empty one is `unknown`)', ()=>{
        const untyped = operations().flatMap(({ route, op })=>(op.parameters ?? []).flatMap((p)=>'schema' in p && p.schema && ('type' in p.schema || '$ref' in p.schema) ? [] : [
                    `${route} ${'name' in p ? p.name : '?'}`
                ]));
        expect(untyped).toEqual([]);
    });
    it('answers each status with one media type: no JSON/CSV union (the CSV export is its own operation)', ()=>{
        const unions = operations().flatMap(({ route, op })=>Object.entries(op.responses).flatMap(([status, r])=>Object.keys(r.content ?? {}).length > 1 ? [
                    `${route} ${status}`
                ] : []));
        expect(unions).toEqual([]);
        expect(Object.keys(document.paths['/api/v1/admin/links.csv'].get.responses['200'].content)).toEqual([
            'text/csv'
        ]);
    });
    it('pre-fills no query parameter in Swagger UI: a filter example belongs in its description', ()=>{
        const prefilled = operations().flatMap(({ route, op })=>(op.parameters ?? []).flatMap((p)=>'in' in p && p.in === 'query' && route.startsWith('GET /api/v1/admin/') && (p.example !== undefined || p.schema?.example !== undefined) ? [
                    `${route} ${p.name}`
                ] : []));
        expect(prefilled).toEqual([]);
        const tokenPrefix = document.paths['/api/v1/admin/links'].get.parameters.find((p)=>'name' in p && p.name === 'token_prefix');
        expect(tokenPrefix).toMatchObject({
            description: expect.stringContaining('`cll_Ab3dE`')
        });
    });
    it('has no `default` in request bodies (openapi-typescript would make the field required)', ()=>{
        const bodies = operations().flatMap(({ op })=>{
            const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
            return ref ? [
                ref.split('/').pop()
            ] : [];
        });
        const seen = new Set();
        const defaults = [];
        const visit = (name)=>{
            if (seen.has(name)) return;
            seen.add(name);
            for (const [key, property] of Object.entries(schema(name).properties ?? {})){
                if ('default' in property) defaults.push(`${name}.${key}`);
                const nested = JSON.stringify(property).match(/#\/components\/schemas\/(\w+)/g) ?? [];
                for (const reference of nested)visit(reference.split('/').pop());
            }
        };
        bodies.forEach(visit);
        expect(seen.size).toBeGreaterThan(10);
        expect(defaults).toEqual([]);
    });
    it('types timestamps as date-time and URLs as uri', ()=>{
        for (const name of [
            'CameraLinkDto',
            'VideoLinkDto'
        ]){
            expect([
                name,
                schema(name).properties.url.format
            ]).toEqual([
                name,
                'uri'
            ]);
            expect([
                name,
                schema(name).properties.expired_at.format,
                schema(name).properties.move_to.format
            ]).toEqual([
                name,
                'date-time',
                'date-time'
            ]);
        }
    });
    it('types closed sets as enums from the constants the server uses', ()=>{
        expect(schema('LinkDto').properties.source.enum).toEqual([
            'mp4',
            'jpg',
            'hls',
            'rtsp'
        ]);
        expect(schema('UsageDto').properties.last_denied_reason.enum).toEqual(expect.arrayContaining([
            'wrong_resource',
            'revoked',
            null
        ]));
        expect(schema('AuditEventDto').properties.actor_type.enum).toEqual([
            'admin',
            'integration',
            'user',
            'unauthenticated'
        ]);
        const actions = schema('AuditEventDto').properties.action.enum;
        expect(actions).toEqual((0, _auditedactions.auditedActions)(app));
        expect(actions).toEqual(expect.arrayContaining([
            'POST /api/v1/admin/links/:id/revoke',
            'DELETE /api/v1/admin/integrations/:id/tokens/:tokenId',
            'POST /admin/sign-in'
        ]));
        expect(schema('AuditEventDto').properties.object_type.enum).toEqual(expect.arrayContaining([
            'links',
            'cameras',
            'integrations'
        ]));
        const filters = document.paths['/api/v1/admin/audit-events'].get.parameters;
        expect(filters.find((p)=>'name' in p && p.name === 'action')).toMatchObject({
            schema: {
                enum: actions
            }
        });
    });
});

//# sourceMappingURL=openapi.medium-spec.js.map
