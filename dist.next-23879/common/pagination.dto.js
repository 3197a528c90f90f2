"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PageQueryDto", {
    enumerable: true,
    get: function() {
        return PageQueryDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _cursor = require("./cursor");
const _validators = require("./validators");
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
let PageQueryDto = class PageQueryDto {
    limit;
    cursor;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 1,
        maximum: 500,
        default: _cursor.DEFAULT_PAGE_SIZE
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.NumericString)(),
    (0, _classvalidator.IsInt)({
        message: 'must be a whole number'
    }),
    (0, _classvalidator.Min)(1, {
        message: 'must be at least 1'
    }),
    (0, _classvalidator.Max)(500, {
        message: 'must not be greater than 500'
    }),
    _ts_metadata("design:type", Number)
], PageQueryDto.prototype, "limit", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'The `next_cursor` of the previous page.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    _ts_metadata("design:type", String)
], PageQueryDto.prototype, "cursor", void 0);

//# sourceMappingURL=pagination.dto.js.map
