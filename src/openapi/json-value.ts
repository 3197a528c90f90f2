export const JSON_VALUE_REF = '#/components/schemas/JsonValue';

/**
 * Any JSON value, recursively: what a stored request body can hold, for generators to type
 * without `unknown`. OpenAPI 3.0 has no null type: the string branch takes null.
 */
export const JSON_VALUE_SCHEMA = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: { $ref: JSON_VALUE_REF } },
    { type: 'object', additionalProperties: { $ref: JSON_VALUE_REF } },
  ],
};
