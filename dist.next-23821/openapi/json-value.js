"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get JSON_VALUE_REF () {
        return JSON_VALUE_REF;
    },
    get JSON_VALUE_SCHEMA () {
        return JSON_VALUE_SCHEMA;
    }
});
const JSON_VALUE_REF = '#/components/schemas/JsonValue';
const JSON_VALUE_SCHEMA = {
    oneOf: [
        {
            type: 'string',
            nullable: true
        },
        {
            type: 'number'
        },
        {
            type: 'boolean'
        },
        {
            type: 'array',
            items: {
                $ref: JSON_VALUE_REF
            }
        },
        {
            type: 'object',
            additionalProperties: {
                $ref: JSON_VALUE_REF
            }
        }
    ]
};

//# sourceMappingURL=json-value.js.map
