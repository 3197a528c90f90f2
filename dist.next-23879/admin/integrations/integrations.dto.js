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
    get CreateIntegrationDto () {
        return CreateIntegrationDto;
    },
    get CreatedIntegrationDto () {
        return CreatedIntegrationDto;
    },
    get IntegrationDto () {
        return IntegrationDto;
    },
    get UpdateIntegrationDto () {
        return UpdateIntegrationDto;
    },
    get mapCreatedIntegration () {
        return mapCreatedIntegration;
    },
    get mapIntegration () {
        return mapIntegration;
    }
});
const _swagger = require("@nestjs/swagger");
const _chosenid = require("../../common/chosen-id");
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
let CreateIntegrationDto = class CreateIntegrationDto {
    id;
    name;
};
_ts_decorate([
    (0, _chosenid.ChosenId)(),
    _ts_metadata("design:type", String)
], CreateIntegrationDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'billing',
        maxLength: 100,
        description: 'Unique.'
    }),
    (0, _validators.IsName)(100),
    _ts_metadata("design:type", String)
], CreateIntegrationDto.prototype, "name", void 0);
let UpdateIntegrationDto = class UpdateIntegrationDto extends (0, _swagger.PartialType)((0, _swagger.OmitType)(CreateIntegrationDto, [
    'id'
]), {
    skipNullProperties: false
}) {
};
let IntegrationDto = class IntegrationDto {
    id;
    name;
    created_at;
    updated_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], IntegrationDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], IntegrationDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], IntegrationDto.prototype, "created_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], IntegrationDto.prototype, "updated_at", void 0);
let CreatedIntegrationDto = class CreatedIntegrationDto extends IntegrationDto {
    token;
    token_id;
    token_prefix;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cli_…',
        description: 'The first token itself. Shown in this response only: camlinks keeps only its hash.'
    }),
    _ts_metadata("design:type", String)
], CreatedIntegrationDto.prototype, "token", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: "The first token's id, to revoke it by."
    }),
    _ts_metadata("design:type", String)
], CreatedIntegrationDto.prototype, "token_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cli_AbCdEfGh'
    }),
    _ts_metadata("design:type", String)
], CreatedIntegrationDto.prototype, "token_prefix", void 0);
function mapIntegration(row) {
    return {
        id: row.id,
        name: row.name,
        created_at: row.createdAt.toISOString(),
        updated_at: row.updatedAt.toISOString()
    };
}
function mapCreatedIntegration({ integration, token }) {
    return {
        ...mapIntegration(integration),
        token: token.token,
        token_id: token.record.id,
        token_prefix: token.record.tokenPrefix
    };
}

//# sourceMappingURL=integrations.dto.js.map
