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
    get IdParamDto () {
        return IdParamDto;
    },
    get TokenParamsDto () {
        return TokenParamsDto;
    },
    get UuidParamDto () {
        return UuidParamDto;
    }
});
const _swagger = require("@nestjs/swagger");
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
let IdParamDto = class IdParamDto {
    id;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], IdParamDto.prototype, "id", void 0);
let UuidParamDto = class UuidParamDto {
    uuid;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: "The camera's uuid."
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], UuidParamDto.prototype, "uuid", void 0);
let TokenParamsDto = class TokenParamsDto extends IdParamDto {
    tokenId;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: "The token's id (not the token)."
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], TokenParamsDto.prototype, "tokenId", void 0);

//# sourceMappingURL=id-params.dto.js.map
