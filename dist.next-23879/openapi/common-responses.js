"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "addCommonResponses", {
    enumerable: true,
    get: function() {
        return addCommonResponses;
    }
});
const _prismaerrors = require("../common/prisma-errors");
const _routegroups = require("../rate-limit/route-groups");
const ERROR = {
    $ref: '#/components/schemas/ErrorResponseDto'
};
const VALIDATION_ERROR = {
    $ref: '#/components/schemas/ValidationErrorResponseDto'
};
const error = (description, message, headers)=>({
        description,
        ...headers && {
            headers
        },
        content: {
            'application/json': {
                schema: ERROR,
                example: {
                    message
                }
            }
        }
    });
const RETRY_AFTER = {
    'Retry-After': {
        required: true,
        description: 'Seconds until the budget allows a request again.',
        schema: {
            type: 'integer',
            minimum: 1
        }
    }
};
/** Routes that answer without the database: a liveness probe must not fail with it. */ const WITHOUT_DATABASE = new Set([
    '/health/live',
    '/metrics'
]);
/** Routes that read their input as plain strings, through no DTO: nothing there answers 422. */ const UNVALIDATED = new Set([
    '/api/v1/media-auth/nginx'
]);
function addCommonResponses(document) {
    for (const [path, item] of Object.entries(document.paths)){
        for (const method of [
            'get',
            'put',
            'post',
            'delete',
            'patch'
        ]){
            const operation = item[method];
            if (operation) addTo(operation, path);
        }
    }
}
function addTo(operation, path) {
    const add = (status, response)=>operation.responses[status] ??= response;
    const parameters = operation.parameters ?? [];
    const group = (0, _routegroups.routeGroupOf)(path);
    if (operation.security?.length) add(401, error('Missing, unknown, expired or revoked token.', 'Unauthenticated.'));
    if (operation.security?.some((scheme)=>'admin' in scheme)) {
        add(403, error("The admin's role is less than the operation's (`x-required-role`).", 'This needs the admin role or higher; carol is an auditor.'));
    }
    if (operation.requestBody) {
        add(413, error('The body is larger than BODY_LIMIT_KB.', 'request entity too large'));
    }
    const validated = parameters.filter((p)=>p.in === 'path' || p.in === 'query');
    if (!UNVALIDATED.has(path) && (operation.requestBody || validated.length)) add(422, validationError(parameters));
    if (group === 'integration' || group === 'admin') {
        add(429, error('Over the rate limit of this token (RATE_LIMIT_INTEGRATION or RATE_LIMIT_ADMIN), or of failed credentials from this address (RATE_LIMIT_AUTH_FAILURES).', _routegroups.TOO_MANY_REQUESTS_MESSAGE, RETRY_AFTER));
    }
    if (!WITHOUT_DATABASE.has(path) && group !== 'verify') add(503, error('The database cannot be reached; try again shortly.', _prismaerrors.DATABASE_UNAVAILABLE_MESSAGE));
    add(500, error('An unexpected failure, logged with its stack; nothing of it is in the answer.', 'Server Error'));
}
/** A 422 for input the operation has not described itself: with the exact answer to a malformed path id, when it has one. */ function validationError(parameters) {
    const pathId = parameters.find((p)=>p.in === 'path');
    const message = pathId && `The ${pathId.name} field must be a valid UUID.`;
    return {
        description: 'A field is invalid (a path id, a query parameter or a body field); `errors` names each one by its path.',
        content: {
            'application/json': {
                schema: VALIDATION_ERROR,
                ...message && {
                    example: {
                        message,
                        errors: {
                            [pathId.name]: [
                                message
                            ]
                        }
                    }
                }
            }
        }
    };
}

//# sourceMappingURL=common-responses.js.map
