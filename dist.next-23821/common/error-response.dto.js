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
    get ErrorResponseDto () {
        return ErrorResponseDto;
    },
    get ValidationErrorResponseDto () {
        return ValidationErrorResponseDto;
    }
});
const _swagger = require("@nestjs/swagger");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let ErrorResponseDto = class ErrorResponseDto {
    message;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'Unauthenticated.'
    }),
    _ts_metadata("design:type", String)
], ErrorResponseDto.prototype, "message", void 0);
let ValidationErrorResponseDto = class ValidationErrorResponseDto {
    message;
    errors;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'The cameras.0.uuid field must be a valid UUID.'
    }),
    _ts_metadata("design:type", String)
], ValidationErrorResponseDto.prototype, "message", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Messages by field path.',
        type: 'object',
        additionalProperties: {
            type: 'array',
            items: {
                type: 'string'
            }
        },
        example: {
            'cameras.0.uuid': [
                'The cameras.0.uuid field must be a valid UUID.'
            ],
            ttl: [
                'The ttl field must be at least 1.'
            ]
        }
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], ValidationErrorResponseDto.prototype, "errors", void 0);

//# sourceMappingURL=error-response.dto.js.map
