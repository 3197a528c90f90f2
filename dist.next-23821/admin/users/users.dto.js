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
    get CreateUserDto () {
        return CreateUserDto;
    },
    get UpdateUserDto () {
        return UpdateUserDto;
    },
    get UserDto () {
        return UserDto;
    },
    get mapUser () {
        return mapUser;
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
let CreateUserDto = class CreateUserDto {
    id;
    name;
};
_ts_decorate([
    (0, _chosenid.ChosenId)(),
    _ts_metadata("design:type", String)
], CreateUserDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'alice',
        maxLength: 100,
        description: 'Unique.'
    }),
    (0, _validators.IsName)(100),
    _ts_metadata("design:type", String)
], CreateUserDto.prototype, "name", void 0);
let UpdateUserDto = class UpdateUserDto extends (0, _swagger.PartialType)((0, _swagger.OmitType)(CreateUserDto, [
    'id'
]), {
    skipNullProperties: false
}) {
};
let UserDto = class UserDto {
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
], UserDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], UserDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], UserDto.prototype, "created_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], UserDto.prototype, "updated_at", void 0);
function mapUser(row) {
    return {
        id: row.id,
        name: row.name,
        created_at: row.createdAt.toISOString(),
        updated_at: row.updatedAt.toISOString()
    };
}

//# sourceMappingURL=users.dto.js.map
