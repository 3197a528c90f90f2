import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DEFAULT_REQUIRED_ROLE, REQUIRED_ROLE_EXTENSION } from '../auth/admin-roles';
import { auditedActions, auditedObjectTypes } from '../audit/audited-actions';
import { EXAMPLE_CAMERA, EXAMPLE_IDS } from '../common/chosen-id';
import { addCommonResponses } from './common-responses';
import { JSON_VALUE_REF, JSON_VALUE_SCHEMA } from './json-value';

/** Every tag an operation may use, in the order Swagger UI shows them. */
export const TAGS = {
  integration:
    "Links to camera video, for integrations (the VMS vendor's API): one link per camera the caller may see.",
  'media auth':
    'Called by media servers (Flussonic, nginx auth_request, MediaMTX) to ask whether a link token opens what a viewer requested.',
  'admin: media servers': 'Media servers: where links point, their URL templates and verification secrets.',
  'admin: cameras': 'Cameras, their streams, and the archive each stream has.',
  'admin: users': 'End users and their tokens (clu_…). A user sees only the cameras granted to them.',
  'admin: grants': 'Which user may see which camera, and until when.',
  'admin: integrations': 'Integrations (billing systems, portals) and their tokens (cli_…).',
  'admin: links': 'Every link camlinks issued: audit, export as CSV, revoke.',
  'admin: sessions': "Viewing sessions: who is watching through which link, and ending one viewer's session.",
  'admin: audit events': 'The append-only trail of admin actions.',
  'admin: admins':
    'Named admins and their tokens (cla_…): audit events and revocations name who acted. `bootstrap` is ADMIN_TOKEN.',
  operations: 'Health probes and metrics, for load balancers, orchestrators and Prometheus.',
} as const;

export type Tag = keyof typeof TAGS;

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']> & { [REQUIRED_ROLE_EXTENSION]?: unknown };

/** Path ids of the records `npm run db:seed` creates, so that "Try it out" finds them. */
const PATH_EXAMPLES: [RegExp, Record<string, string>][] = [
  [/^\/api\/v1\/admin\/media-servers\/\{id\}/, { id: EXAMPLE_IDS.mediaServer }],
  [/^\/api\/v1\/admin\/cameras\/\{uuid\}/, { uuid: EXAMPLE_CAMERA }],
  [/^\/api\/v1\/admin\/users\/\{id\}/, { id: EXAMPLE_IDS.user }],
  [/^\/api\/v1\/admin\/integrations\/\{id\}/, { id: EXAMPLE_IDS.integration }],
];

/** `mediaServersCreate`: the controller's subject and the method, as in `<resource><action>`. */
function operationId(controllerKey: string, methodKey: string): string {
  const subject = controllerKey.replace(/Controller$/, '');
  return `${subject[0].toLowerCase()}${subject.slice(1)}${methodKey[0].toUpperCase()}${methodKey.slice(1)}`;
}

/**
 * The least role an admin operation needs, as the guard reads it from `@RequiresRole` (or its
 * default): in `x-required-role` for tools, and in the description for readers.
 */
function documentRequiredRole(operation: OperationObject): void {
  const role = (operation[REQUIRED_ROLE_EXTENSION] ??= DEFAULT_REQUIRED_ROLE) as string;
  const roles =
    role === 'owner' ? '`owner`' : role === 'admin' ? '`admin` or `owner`' : '`auditor`, `admin` or `owner`';
  operation.description = `${operation.description ? `${operation.description} ` : ''}Role: ${roles}.`;
}

/** The one definition of the OpenAPI document: served at /api/docs and written to openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('camlinks')
    .setDescription(
      "Short-lived, revocable, audited URLs to camera video. The integration API speaks the VMS vendor's contract; media servers verify links; " +
        'the admin API manages media servers, cameras, users, grants and integrations, and audits and revokes links. ' +
        'Every error is `{"message": …}`, with `errors` by field path for invalid input (422).',
    )
    .setVersion('1')
    .addServer('/', 'This camlinks (the server that serves this document)')
    .addSecurity('integration', {
      type: 'http',
      scheme: 'bearer',
      description:
        'An integration token (`cli_…`) or a user token (`clu_…`): opaque strings that the admin API issues and shows once. `npm run db:seed` prints one of each.',
    })
    .addSecurity('admin', {
      type: 'http',
      scheme: 'bearer',
      description:
        "An admin's token: a named admin's `cla_…`, or `ADMIN_TOKEN` (on the embedded database, the one camlinks generated into `<DATA_DIR>/admin-token`), which acts as the built-in owner `bootstrap`. " +
        'Each operation names the least role it needs (`x-required-role`; `owner` > `admin` > `auditor`); less is 403.',
    })
    .addSecurity('metrics', {
      type: 'http',
      scheme: 'bearer',
      description: '`METRICS_TOKEN`, asked for by /metrics only when it is set.',
    });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    autoTagControllers: false,
    operationIdFactory: operationId,
  });
  document.info.license = { name: 'UNLICENSED (proprietary)' };
  addCommonResponses(document);
  document.components!.schemas!.JsonValue = JSON_VALUE_SCHEMA;
  addAuditVocabulary(app, document);
  typeOpenMaps(document);
  for (const [path, item] of Object.entries(document.paths)) {
    const examples = PATH_EXAMPLES.find(([pattern]) => pattern.test(path))?.[1] ?? {};
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      // Public routes say so, rather than leaving it to a reader to guess.
      operation.security ??= [];
      if (operation.security.some((scheme) => 'admin' in scheme)) documentRequiredRole(operation);
      for (const parameter of operation.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'path' && examples[parameter.name])
          parameter.example = examples[parameter.name];
      }
    }
  }
  return document;
}

/**
 * An audit event's `action` and `object_type` are closed sets, but of the app's routes, known
 * only once the app is built: the schema and the listing's filters get them as enums here.
 * Filters stay open (an unknown value selects nothing), as their DTO validates them.
 */
interface SchemaObject {
  enum?: string[];
  properties?: Record<string, SchemaObject>;
}

function addAuditVocabulary(app: INestApplication, document: OpenAPIObject): void {
  const actions = auditedActions(app);
  const vocabulary: Record<string, string[]> = { action: actions, object_type: auditedObjectTypes(actions) };
  const schemas = document.components!.schemas!;
  const event = schemas.AuditEventDto as SchemaObject;
  for (const [name, values] of Object.entries(vocabulary)) (event.properties![name] as SchemaObject).enum = values;
  for (const parameter of document.paths['/api/v1/admin/audit-events'].get!.parameters ?? []) {
    if ('name' in parameter && vocabulary[parameter.name])
      (parameter.schema as SchemaObject).enum = vocabulary[parameter.name];
  }
}

/**
 * `additionalProperties: true` (the health checks' indicator details, from @nestjs/terminus)
 * is `unknown` to generators; its values are JSON, and say so.
 */
function typeOpenMaps(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (node.additionalProperties === true) node.additionalProperties = { $ref: JSON_VALUE_REF };
  Object.values(node).forEach(typeOpenMaps);
}
