import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from '../../src/openapi/openapi-file';

interface SchemaObject {
  type?: string;
  [keyword: string]: unknown;
}
interface HeaderObject {
  required?: boolean;
  schema?: SchemaObject;
}
interface ResponseObject {
  headers?: Record<string, HeaderObject>;
  content?: Record<string, { schema?: SchemaObject }>;
}
interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, OperationObject>>;
}

/** What a response looked like on the wire, from supertest or fetch alike. */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string | undefined>;
  /** The parsed body (JSON), or the text of any other body; undefined when empty. */
  body: unknown;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: OperationObject;
}

/** Paths the app serves outside the documented API: Swagger UI and the document itself. */
const UNDOCUMENTED_PATHS = /^\/api\/docs(-json|-yaml)?(\/|$)/;

const pointer = (...segments: string[]) =>
  `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/**
 * Checks a response against the committed openapi.json: that the operation documents its
 * status, its Content-Type, every header it declares as required (and the value of any it
 * declares), and that the body matches the schema. Returns the problems, worded for a test
 * failure: route, status, what differs.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi.json');
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => {
          const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)');
          return {
            method: method.toUpperCase(),
            template,
            pattern: new RegExp(`^${source}$`),
            params: (template.match(/\{/g) ?? []).length,
            operation,
          };
        }),
      )
      // A literal segment wins over a parameter (`/links/revoke` before `/links/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  static fromCommittedFile(): OpenApiResponseValidator {
    return new OpenApiResponseValidator(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Document);
  }

  /** Problems with this response, or an empty list. */
  check(method: string, path: string, response: ObservedResponse): string[] {
    method = method.toUpperCase();
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) {
      // CORS preflights, the docs, and unknown routes (Nest's 404) are not operations of the API.
      if (method === 'OPTIONS' || UNDOCUMENTED_PATHS.test(path) || response.status === 404) return [];
      return [`${method} ${path}: no operation in openapi.json for this method and path`];
    }
    const where = `${method} ${route.template} → ${response.status}`;
    const status = String(response.status);
    const documented = route.operation.responses[status] ?? route.operation.responses[`${status[0]}XX`];
    if (!documented) {
      const statuses = Object.keys(route.operation.responses).join(', ');
      return [
        `${where}: status ${status} is not documented (${route.operation.operationId} documents ${statuses}); body: ${preview(response.body)}`,
      ];
    }
    const base = pointer(
      'paths',
      route.template,
      method.toLowerCase(),
      'responses',
      route.operation.responses[status] ? status : `${status[0]}XX`,
    );
    return [...this.checkHeaders(documented, response, base), ...this.checkBody(documented, response, base)].map(
      (problem) => `${where}: ${problem}`,
    );
  }

  private checkHeaders(documented: ResponseObject, response: ObservedResponse, base: string): string[] {
    return Object.entries(documented.headers ?? {}).flatMap(([name, header]) => {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined) return header.required ? [`header ${name} is documented as required but missing`] : [];
      if (!header.schema) return [];
      const numeric = header.schema.type === 'integer' || header.schema.type === 'number';
      const typed = numeric && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
      const errors = this.validate(`${base}/headers/${pointer(name).slice(2)}/schema`, typed);
      return errors.length ? [`header ${name}: ${JSON.stringify(value)} ${errors.join('; ')}`] : [];
    });
  }

  private checkBody(documented: ResponseObject, response: ObservedResponse, base: string): string[] {
    const contentType = response.headers['content-type']?.split(';')[0].trim().toLowerCase();
    const declared = Object.keys(documented.content ?? {});
    const empty = response.body === undefined || response.body === '' || (isEmptyObject(response.body) && !contentType);
    if (empty)
      return declared.length && !declared.every((type) => type === '*/*')
        ? [`the body is empty, but ${declared.join(' or ')} is documented`]
        : [];
    if (!declared.length)
      return [`a ${contentType ?? 'untyped'} body is sent but none is documented: ${preview(response.body)}`];
    const mediaType = declared.find((type) => type.split(';')[0].trim().toLowerCase() === contentType);
    if (!mediaType)
      return [`Content-Type ${contentType ?? '(none)'} is not documented (documented: ${declared.join(', ')})`];
    if (!documented.content![mediaType].schema) return [];
    const errors = this.validate(`${base}/content/${pointer(mediaType).slice(2)}/schema`, response.body);
    return errors.length
      ? [`body does not match the ${mediaType} schema: ${errors.join('; ')}; body: ${preview(response.body)}`]
      : [];
  }

  private validate(schemaPointer: string, value: unknown): string[] {
    let validate = this.compiled.get(schemaPointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json${schemaPointer}` });
      this.compiled.set(schemaPointer, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath ? `body${error.instancePath.replace(/\//g, '.')}` : 'the value';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${(error.params as { additionalProperty: string }).additionalProperty})`
      : '';
  const allowed =
    error.keyword === 'enum' ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return `${at} ${error.message}${extra}${allowed}`;
}

const isEmptyObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(none)' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
