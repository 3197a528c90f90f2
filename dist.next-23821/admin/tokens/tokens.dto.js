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
    get CreateTokenDto () {
        return CreateTokenDto;
    },
    get IssuedTokenDto () {
        return IssuedTokenDto;
    },
    get TokenDto () {
        return TokenDto;
    },
    get mapIssuedToken () {
        return mapIssuedToken;
    },
    get mapToken () {
        return mapToken;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _validators = require("../../common/validators");
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
let CreateTokenDto = class CreateTokenDto {
    expires_at;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: String,
        format: 'date-time',
        nullable: true,
        example: '2030-01-01T00:00:00Z',
        description: 'When the token stops working (in the future). Omitted or null: never.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsFutureDateTime)(),
    _ts_metadata("design:type", Object)
], CreateTokenDto.prototype, "expires_at", void 0);
let TokenDto = class TokenDto {
    id;
    token_prefix;
    expires_at;
    created_at;
    revoked_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], TokenDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cli_AbCdEfGh',
        description: 'The first characters of the token, to recognise it by.'
    }),
    _ts_metadata("design:type", String)
], TokenDto.prototype, "token_prefix", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], TokenDto.prototype, "expires_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], TokenDto.prototype, "created_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        nullable: true,
        type: String,
        description: 'Set once the token is revoked; it then stops working.'
    }),
    _ts_metadata("design:type", Object)
], TokenDto.prototype, "revoked_at", void 0);
let IssuedTokenDto = class IssuedTokenDto extends (0, _swagger.OmitType)(TokenDto, [
    'revoked_at'
]) {
    token;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cli_…',
        description: 'The token itself. Shown in this response only: camlinks keeps only its hash.'
    }),
    _ts_metadata("design:type", String)
], IssuedTokenDto.prototype, "token", void 0);
const isoOrNull = (date)=>date?.toISOString() ?? null;
function mapToken(row) {
    return {
        id: row.id,
        token_prefix: row.tokenPrefix,
        expires_at: isoOrNull(row.expiresAt),
        created_at: row.createdAt.toISOString(),
        revoked_at: isoOrNull(row.revokedAt)
    };
}
function mapIssuedToken({ record, token }) {
    return {
        id: record.id,
        token,
        token_prefix: record.tokenPrefix,
        expires_at: isoOrNull(record.expiresAt),
        created_at: record.createdAt.toISOString()
    };
}

//# sourceMappingURL=tokens.dto.js.map
