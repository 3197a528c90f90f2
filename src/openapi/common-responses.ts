import type { OpenAPIObject } from '@nestjs/swagger';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../common/prisma-errors';
import { routeGroupOf, TOO_MANY_REQUESTS_MESSAGE } from '../rate-limit/route-groups';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
interface ResponseObject {
  description: string;
  headers?: Record<string, { required?: boolean; description?: string; schema: object }>;
  content?: Record<string, { schema: object; example?: unknown }>;
}
interface ParameterObject {
  name: string;
  in: string;
}

const ERROR = { $ref: '#/components/schemas/ErrorResponseDto' };
const VALIDATION_ERROR = { $ref: '#/components/schemas/ValidationErrorResponseDto' };

const error = (description: string, message: string, headers?: ResponseObject['headers']): ResponseObject => ({
  description,
  ...(headers && { headers }),
  content: { 'application/json': { schema: ERROR, example: { message } } },
});

const RETRY_AFTER: ResponseObject['headers'] = {
  'Retry-After': {
    required: true,
    description: 'Seconds until the budget allows a request again.',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** Routes that answer without the database: a liveness probe must not fail with it. */
const WITHOUT_DATABASE = new Set(['/health/live', '/metrics']);

/** Routes that read their input as plain strings, through no DTO: nothing there answers 422. */
const UNVALIDATED = new Set(['/api/v1/media-auth/nginx']);

/**
 * The answers every operation of a kind can give, added from the same facts the server acts
 * on, so that no route forgets one: a credential (401), an admin's role (403), a JSON body (413 too large), any input
 * (422, an unparsable body included), a rate-limited route group (429 with Retry-After, from
 * `routeGroupOf` as the limiter uses it), the database (503) and the unexpected (500).
 * Responses an operation declares itself are kept.
 */
export function addCommonResponses(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation) addTo(operation, path);
    }
  }
}

function addTo(operation: OperationObject, path: string): void {
  const add = (status: number, response: ResponseObject) => (operation.responses[status] ??= response);
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const group = routeGroupOf(path);
  if (operation.security?.length) add(401, error('Missing, unknown, expired or revoked token.', 'Unauthenticated.'));
  if (operation.security?.some((scheme) => 'admin' in scheme)) {
    add(
      403,
      error(
        "The admin's role is less than the operation's (`x-required-role`).",
        'This needs the admin role or higher; carol is an auditor.',
      ),
    );
  }
  if (operation.requestBody) {
    add(413, error('The body is larger than BODY_LIMIT_KB.', 'request entity too large'));
  }
  const validated = parameters.filter((p) => p.in === 'path' || p.in === 'query');
  if (!UNVALIDATED.has(path) && (operation.requestBody || validated.length)) add(422, validationError(parameters));
  if (group === 'integration' || group === 'admin') {
    add(
      429,
      error(
        'Over the rate limit of this token (RATE_LIMIT_INTEGRATION or RATE_LIMIT_ADMIN), or of failed credentials from this address (RATE_LIMIT_AUTH_FAILURES).',
        TOO_MANY_REQUESTS_MESSAGE,
        RETRY_AFTER,
      ),
    );
  }
  if (!WITHOUT_DATABASE.has(path) && group !== 'verify')
    add(503, error('The database cannot be reached; try again shortly.', DATABASE_UNAVAILABLE_MESSAGE));
  add(500, error('An unexpected failure, logged with its stack; nothing of it is in the answer.', 'Server Error'));
}

/** A 422 for input the operation has not described itself: with the exact answer to a malformed path id, when it has one. */
function validationError(parameters: ParameterObject[]): ResponseObject {
  const pathId = parameters.find((p) => p.in === 'path');
  const message = pathId && `The ${pathId.name} field must be a valid UUID.`;
  return {
    description:
      'A field is invalid (a path id, a query parameter or a body field); `errors` names each one by its path.',
    content: {
      'application/json': {
        schema: VALIDATION_ERROR,
        ...(message && { example: { message, errors: { [pathId.name]: [message] } } }),
      },
    },
  };
}
