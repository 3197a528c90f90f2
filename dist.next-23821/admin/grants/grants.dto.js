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
    get CreateGrantDto () {
        return CreateGrantDto;
    },
    get GrantDto () {
        return GrantDto;
    },
    get ListGrantsQueryDto () {
        return ListGrantsQueryDto;
    },
    get UpdateGrantDto () {
        return UpdateGrantDto;
    },
    get mapGrant () {
        return mapGrant;
    }
});
const _swagger = require("@nestjs/swagger");
const _chosenid = require("../../common/chosen-id");
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
let CreateGrantDto = class CreateGrantDto {
    user_id;
    camera_uuid;
    expires_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: 'The user who may see the camera.',
        example: _chosenid.EXAMPLE_IDS.user
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], CreateGrantDto.prototype, "user_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: 'The camera the user may see.',
        example: _chosenid.EXAMPLE_IDS.secondCamera
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], CreateGrantDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: String,
        format: 'date-time',
        nullable: true,
        example: '2030-01-01T00:00:00Z',
        description: 'When the grant ends (in the future). Omitted or null: never.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsFutureDateTime)(),
    _ts_metadata("design:type", Object)
], CreateGrantDto.prototype, "expires_at", void 0);
let UpdateGrantDto = class UpdateGrantDto extends (0, _swagger.PickType)(CreateGrantDto, [
    'expires_at'
]) {
};
let ListGrantsQueryDto = class ListGrantsQueryDto {
    user_id;
    camera_uuid;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: "Only this user's grants."
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], ListGrantsQueryDto.prototype, "user_id", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: 'Only the grants of this camera.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], ListGrantsQueryDto.prototype, "camera_uuid", void 0);
let GrantDto = class GrantDto {
    id;
    user_id;
    camera_uuid;
    expires_at;
    created_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], GrantDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], GrantDto.prototype, "user_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], GrantDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], GrantDto.prototype, "expires_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], GrantDto.prototype, "created_at", void 0);
function mapGrant(row) {
    return {
        id: row.id,
        user_id: row.userId,
        camera_uuid: row.cameraUuid,
        expires_at: row.expiresAt?.toISOString() ?? null,
        created_at: row.createdAt.toISOString()
    };
}

//# sourceMappingURL=grants.dto.js.map
