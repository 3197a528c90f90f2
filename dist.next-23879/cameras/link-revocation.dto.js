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
    get MAX_LINKS_PER_REVOCATION () {
        return MAX_LINKS_PER_REVOCATION;
    },
    get OwnLinksRevokedDto () {
        return OwnLinksRevokedDto;
    },
    get RevokeOwnLinksDto () {
        return RevokeOwnLinksDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _inputbounds = require("../common/input-bounds");
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
const MAX_LINKS_PER_REVOCATION = 100;
/** Longer than any URL camlinks issues (templates and stream names are bounded far below it). */ const MAX_REFERENCE_LENGTH = 2048;
let RevokeOwnLinksDto = class RevokeOwnLinksDto {
    links;
    reason;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'array',
        items: {
            type: 'string',
            maxLength: MAX_REFERENCE_LENGTH
        },
        minItems: 1,
        maxItems: MAX_LINKS_PER_REVOCATION,
        description: 'Link tokens (`cll_…`) or link URLs as camlinks issued them (the token in their `token` query parameter). ' + `At most ${MAX_LINKS_PER_REVOCATION}; each is answered in one of the three lists, as sent.`,
        example: [
            'cll_Ab3dE5gHk2Lm9Np4Qr7St1Uv6Wx8Yz0Ab3dE5gH',
            'http://127.0.0.1:8080/gate-hd/preview.mp4?token=cll_Zy9xW8vUt7Sr6Qp5On4Ml3Kj2Ih1Gf0Ed9Cb8Az7Y'
        ]
    }),
    (0, _inputbounds.MaxItems)(MAX_LINKS_PER_REVOCATION, 'links'),
    (0, _classvalidator.IsArray)({
        message: 'must be an array'
    }),
    (0, _classvalidator.ArrayMinSize)(1, {
        message: 'must contain at least 1 link'
    }),
    (0, _classvalidator.IsString)({
        each: true,
        message: 'must contain only strings'
    }),
    (0, _classvalidator.MaxLength)(MAX_REFERENCE_LENGTH, {
        each: true,
        message: `must not contain a link longer than ${MAX_REFERENCE_LENGTH} characters`
    }),
    _ts_metadata("design:type", Array)
], RevokeOwnLinksDto.prototype, "links", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        example: 'user signed out of the portal',
        maxLength: 500,
        description: 'Recorded with each revocation and in the audit trail.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500, {
        message: 'must not be longer than 500 characters'
    }),
    _ts_metadata("design:type", String)
], RevokeOwnLinksDto.prototype, "reason", void 0);
let OwnLinksRevokedDto = class OwnLinksRevokedDto {
    revoked;
    already_revoked;
    not_found;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            String
        ],
        description: 'Links this request revoked: they stop working at once, on every instance and media server.'
    }),
    _ts_metadata("design:type", Array)
], OwnLinksRevokedDto.prototype, "revoked", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            String
        ],
        description: 'Links of the caller that were already revoked (by an admin, an earlier request, or with what they were issued under).'
    }),
    _ts_metadata("design:type", Array)
], OwnLinksRevokedDto.prototype, "already_revoked", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            String
        ],
        description: 'Everything else: unknown tokens, text that names no link, and links the caller did not issue (never told apart, never revoked).'
    }),
    _ts_metadata("design:type", Array)
], OwnLinksRevokedDto.prototype, "not_found", void 0);

//# sourceMappingURL=link-revocation.dto.js.map
