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
    get CreateMediaServerDto () {
        return CreateMediaServerDto;
    },
    get MediaServerChangeDto () {
        return MediaServerChangeDto;
    },
    get MediaServerDto () {
        return MediaServerDto;
    },
    get UpdateMediaServerDto () {
        return UpdateMediaServerDto;
    },
    get UrlTemplatesDto () {
        return UrlTemplatesDto;
    },
    get mapMediaServer () {
        return mapMediaServer;
    },
    get mapMediaServerChange () {
        return mapMediaServerChange;
    }
});
const _swagger = require("@nestjs/swagger");
const _chosenid = require("../../common/chosen-id");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _validators = require("../../common/validators");
const _urltemplates = require("../../links/url-templates");
const _urlrules = require("./url-rules");
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
let UrlTemplateConstraint = class UrlTemplateConstraint {
    validate(value, args) {
        if (value === null) return true; // null: back to the default
        return typeof value === 'string' && (0, _urlrules.templateProblem)(args.property, value) === undefined;
    }
    defaultMessage(args) {
        return typeof args.value === 'string' ? (0, _urlrules.templateProblem)(args.property, args.value) ?? 'is not valid' : 'must be a string or null';
    }
};
UrlTemplateConstraint = _ts_decorate([
    (0, _classvalidator.ValidatorConstraint)({
        name: 'urlTemplate'
    })
], UrlTemplateConstraint);
/** `base_url` and `rtsp_base_url`: an origin and a plain path, nothing a link could be bent with. */ const IsBaseUrl = (schemes)=>(0, _classvalidator.ValidateBy)({
        name: 'baseUrl',
        validator: {
            validate: (value)=>typeof value === 'string' && (0, _urlrules.baseUrlProblem)(value, schemes) === undefined,
            defaultMessage: (args)=>typeof args?.value === 'string' ? (0, _urlrules.baseUrlProblem)(args.value, schemes) : `must be an ${schemes.join(' or ')} URL`
        }
    });
const TEMPLATE_RULES = "Only the placeholders listed in docs/MEDIA_SERVERS.md, {token} and {stream} exactly once, {stream} in the path; on the media server's own origin (RTSP templates: its RTSP base); no whitespace, control characters, \\ or #. " + 'HLS templates place {stream} as a directory and name a playlist the verification opens (a live one, or a timed one for archive templates).';
const Template = (key)=>(target, property)=>{
        (0, _swagger.ApiPropertyOptional)({
            nullable: true,
            type: String,
            example: _urltemplates.DEFAULT_TEMPLATES[key],
            description: `Default: \`${_urltemplates.DEFAULT_TEMPLATES[key]}\`; null restores it. ${TEMPLATE_RULES}`
        })(target, property);
        (0, _classvalidator.IsOptional)()(target, property);
        (0, _classvalidator.Validate)(UrlTemplateConstraint)(target, property);
    };
let UrlTemplatesDto = class UrlTemplatesDto {
    live_preview;
    archive_preview;
    hls_live;
    hls_archive;
    hls_segment;
    rtsp_live;
    rtsp_archive;
};
_ts_decorate([
    Template('live_preview'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "live_preview", void 0);
_ts_decorate([
    Template('archive_preview'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "archive_preview", void 0);
_ts_decorate([
    Template('hls_live'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "hls_live", void 0);
_ts_decorate([
    Template('hls_archive'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "hls_archive", void 0);
_ts_decorate([
    Template('hls_segment'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "hls_segment", void 0);
_ts_decorate([
    Template('rtsp_live'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "rtsp_live", void 0);
_ts_decorate([
    Template('rtsp_archive'),
    _ts_metadata("design:type", Object)
], UrlTemplatesDto.prototype, "rtsp_archive", void 0);
let CreateMediaServerDto = class CreateMediaServerDto {
    id;
    name;
    base_url;
    rtsp_base_url;
    url_templates;
    verification_secret;
    control_api_url;
    control_api_username;
    control_api_password;
};
_ts_decorate([
    (0, _chosenid.ChosenId)(),
    _ts_metadata("design:type", String)
], CreateMediaServerDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'edge-1',
        maxLength: 100
    }),
    (0, _validators.IsName)(100),
    _ts_metadata("design:type", String)
], CreateMediaServerDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'http://127.0.0.1:8080',
        description: 'Where clients reach the media server over HTTP; links start with it. An http(s) origin and at most a plain path: no credentials, query or fragment.'
    }),
    (0, _classvalidator.MaxLength)(2048, {
        message: 'must not be longer than 2048 characters'
    }),
    IsBaseUrl([
        'http',
        'https'
    ]),
    _ts_metadata("design:type", String)
], CreateMediaServerDto.prototype, "base_url", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        nullable: true,
        type: String,
        example: 'rtsp://127.0.0.1:554',
        description: "Where clients reach it over RTSP. Default: rtsp:// on the base URL's host. No credentials, query or fragment."
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.MaxLength)(2048, {
        message: 'must not be longer than 2048 characters'
    }),
    IsBaseUrl([
        'rtsp',
        'rtsps'
    ]),
    _ts_metadata("design:type", Object)
], CreateMediaServerDto.prototype, "rtsp_base_url", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: UrlTemplatesDto,
        description: 'URL templates that differ from the Flussonic-compatible defaults.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsObject)({
        message: 'must be an object'
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>UrlTemplatesDto),
    _ts_metadata("design:type", typeof UrlTemplatesDto === "undefined" ? Object : UrlTemplatesDto)
], CreateMediaServerDto.prototype, "url_templates", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        nullable: true,
        type: String,
        minLength: 16,
        writeOnly: true,
        // Swagger UI's "Try it out" sends the example: null leaves a demo media server open to verification without a secret.
        example: null,
        description: 'A secret the media server must present when it verifies links (X-Media-Server-Secret header or `secret` query parameter). Stored as a hash, never returned; null removes it.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.Length)(16, 256, {
        message: 'must be 16 to 256 characters long'
    }),
    _ts_metadata("design:type", Object)
], CreateMediaServerDto.prototype, "verification_secret", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        nullable: true,
        type: String,
        example: 'http://127.0.0.1:9997',
        description: "MediaMTX's control API (its `apiAddress`): camlinks ends the running sessions of refused or expired links there (`/v3/…/kick/{id}`). An http(s) URL without credentials, query or fragment; null removes it. See docs/MEDIA_SERVERS.md."
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.MaxLength)(2048, {
        message: 'must not be longer than 2048 characters'
    }),
    IsBaseUrl([
        'http',
        'https'
    ]),
    _ts_metadata("design:type", Object)
], CreateMediaServerDto.prototype, "control_api_url", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        nullable: true,
        type: String,
        maxLength: 256,
        description: 'The user camlinks presents to the control API (HTTP Basic); null removes it.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsShortString)(256),
    _ts_metadata("design:type", Object)
], CreateMediaServerDto.prototype, "control_api_username", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        nullable: true,
        type: String,
        maxLength: 256,
        writeOnly: true,
        description: 'The password camlinks presents to the control API. Never returned or logged; null removes it.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsShortString)(256),
    _ts_metadata("design:type", Object)
], CreateMediaServerDto.prototype, "control_api_password", void 0);
let UpdateMediaServerDto = class UpdateMediaServerDto extends (0, _swagger.PartialType)((0, _swagger.OmitType)(CreateMediaServerDto, [
    'id'
]), {
    skipNullProperties: false
}) {
};
let MediaServerDto = class MediaServerDto {
    id;
    name;
    base_url;
    rtsp_base_url;
    url_templates;
    has_verification_secret;
    control_api_url;
    control_api_username;
    has_control_api_password;
    created_at;
    updated_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "base_url", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The RTSP base in effect.'
    }),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "rtsp_base_url", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Every URL template in effect, defaults included.',
        type: 'object',
        additionalProperties: {
            type: 'string'
        },
        example: _urltemplates.DEFAULT_TEMPLATES
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], MediaServerDto.prototype, "url_templates", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Whether media servers must present a verification secret.'
    }),
    _ts_metadata("design:type", Boolean)
], MediaServerDto.prototype, "has_verification_secret", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: "MediaMTX's control API, where camlinks ends sessions; null: none."
    }),
    _ts_metadata("design:type", Object)
], MediaServerDto.prototype, "control_api_url", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], MediaServerDto.prototype, "control_api_username", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Whether a control API password is set (it is never returned).'
    }),
    _ts_metadata("design:type", Boolean)
], MediaServerDto.prototype, "has_control_api_password", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "created_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], MediaServerDto.prototype, "updated_at", void 0);
let MediaServerChangeDto = class MediaServerChangeDto extends MediaServerDto {
    warnings;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            String
        ],
        description: 'What the configuration just written leaves open, for the operator to read: e.g. a media server created without a verification_secret, or whose secret was removed, has its links verified for any caller that reaches camlinks (it trusts the network). Empty when there is nothing to say; also written to the log.'
    }),
    _ts_metadata("design:type", Array)
], MediaServerChangeDto.prototype, "warnings", void 0);
function mapMediaServerChange(change) {
    return {
        ...mapMediaServer(change.server),
        warnings: change.warnings
    };
}
function mapMediaServer(row) {
    return {
        id: row.id,
        name: row.name,
        base_url: row.baseUrl,
        rtsp_base_url: (0, _urltemplates.rtspBase)(row),
        url_templates: {
            ..._urltemplates.DEFAULT_TEMPLATES,
            ...row.urlTemplates
        },
        has_verification_secret: row.verificationSecretHash !== null,
        control_api_url: row.controlApiUrl,
        control_api_username: row.controlApiUsername,
        has_control_api_password: row.controlApiPassword !== null,
        created_at: row.createdAt.toISOString(),
        updated_at: row.updatedAt.toISOString()
    };
}

//# sourceMappingURL=media-servers.dto.js.map
