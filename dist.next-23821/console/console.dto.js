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
    get BulkRevokeFormDto () {
        return BulkRevokeFormDto;
    },
    get ConsoleAuditQueryDto () {
        return ConsoleAuditQueryDto;
    },
    get ConsoleLinksQueryDto () {
        return ConsoleLinksQueryDto;
    },
    get CsrfDto () {
        return CsrfDto;
    },
    get EndSessionFormDto () {
        return EndSessionFormDto;
    },
    get RevokeFormDto () {
        return RevokeFormDto;
    },
    get SignInDto () {
        return SignInDto;
    },
    get toAuditQuery () {
        return toAuditQuery;
    },
    get toLinksQuery () {
        return toLinksQuery;
    },
    get utcFromForm () {
        return utcFromForm;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _timestamps = require("../common/timestamps");
const _validators = require("../common/validators");
const _auditeventsdto = require("../admin/audit-events/audit-events.dto");
const _linksdto = require("../admin/links/links.dto");
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
/**
 * What `<input type="datetime-local">` sends, a time without offset, read in the form's `tz`
 * (the browser's zone, which assets/local-time.js fills in) or else as UTC; or a UTC time ending
 * in `Z`, as the console's own links and a script may send.
 */ const FORM_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z?)$/;
/** A time that exists (JavaScript's Date would roll 2026-02-30 or 24:00 over rather than refuse it) and that PostgreSQL can store. */ const isFormTime = (value)=>{
    const match = typeof value === 'string' && FORM_TIME.exec(value);
    if (!match) return false;
    const time = Date.parse(`${match[1]}Z`);
    return !Number.isNaN(time) && (0, _timestamps.isStorableTime)(time) && new Date(time).toISOString().startsWith(match[1]);
};
const IsFormTime = ()=>(0, _classvalidator.ValidateBy)({
        name: 'isFormTime',
        validator: {
            validate: isFormTime,
            defaultMessage: ()=>'must be a date and time, e.g. 2026-11-26T14:30'
        }
    });
/** How far `zone`'s clocks are ahead of UTC at the instant `utc`, in ms. */ function zoneOffsetMs(utc, zone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    }).formatToParts(utc).map((part)=>[
            part.type,
            Number(part.value)
        ]));
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(utc / 1000) * 1000;
}
function utcFromForm(value, zone) {
    if (!value) return undefined;
    const [, wall, z] = FORM_TIME.exec(value);
    const asUtc = Date.parse(`${wall}Z`);
    if (z || !zone) return new Date(asUtc).toISOString();
    // The offset at the wall time itself, not now: a filter in winter read in summer keeps its meaning.
    const first = asUtc - zoneOffsetMs(asUtc, zone);
    return new Date(asUtc - zoneOffsetMs(first, zone)).toISOString();
}
/** The browser's time zone (IANA name) that a form's times are in. */ let FormTimeZoneDto = class FormTimeZoneDto {
    tz;
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsTimeZone)({
        message: 'must be a time zone, e.g. Europe/Berlin'
    }),
    _ts_metadata("design:type", String)
], FormTimeZoneDto.prototype, "tz", void 0);
let SignInDto = class SignInDto {
    token;
};
_ts_decorate([
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500),
    _ts_metadata("design:type", String)
], SignInDto.prototype, "token", void 0);
let CsrfDto = class CsrfDto {
    _csrf;
};
_ts_decorate([
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(100),
    _ts_metadata("design:type", String)
], CsrfDto.prototype, "_csrf", void 0);
let RevokeFormDto = class RevokeFormDto extends CsrfDto {
    reason;
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500, {
        message: 'must not be longer than 500 characters'
    }),
    _ts_metadata("design:type", String)
], RevokeFormDto.prototype, "reason", void 0);
let EndSessionFormDto = class EndSessionFormDto extends RevokeFormDto {
    from;
};
_ts_decorate([
    (0, _classvalidator.IsIn)([
        'overview',
        'link'
    ], {
        message: 'must be overview or link'
    }),
    _ts_metadata("design:type", String)
], EndSessionFormDto.prototype, "from", void 0);
let ConsoleLinksQueryDto = class ConsoleLinksQueryDto extends (0, _swagger.IntersectionType)((0, _swagger.OmitType)(_linksdto.LinksQueryDto, [
    'issued_from',
    'issued_to'
]), FormTimeZoneDto) {
    issued_from;
    issued_to;
    /** After a bulk revoke: how many it revoked, for the notice. */ revoked;
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    IsFormTime(),
    _ts_metadata("design:type", String)
], ConsoleLinksQueryDto.prototype, "issued_from", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    IsFormTime(),
    _ts_metadata("design:type", String)
], ConsoleLinksQueryDto.prototype, "issued_to", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    (0, _validators.NumericString)(),
    (0, _classvalidator.IsInt)(),
    _ts_metadata("design:type", Number)
], ConsoleLinksQueryDto.prototype, "revoked", void 0);
function toLinksQuery({ revoked: _, tz, ...form }) {
    return {
        ...form,
        issued_from: utcFromForm(form.issued_from, tz),
        issued_to: utcFromForm(form.issued_to, tz)
    };
}
let BulkRevokeFormDto = class BulkRevokeFormDto extends (0, _swagger.IntersectionType)((0, _swagger.OmitType)(ConsoleLinksQueryDto, [
    'cursor',
    'limit',
    'status',
    'revoked'
]), RevokeFormDto) {
};
let ConsoleAuditQueryDto = class ConsoleAuditQueryDto extends (0, _swagger.IntersectionType)((0, _swagger.OmitType)(_auditeventsdto.AuditEventsQueryDto, [
    'from',
    'to'
]), FormTimeZoneDto) {
    from;
    to;
};
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    IsFormTime(),
    _ts_metadata("design:type", String)
], ConsoleAuditQueryDto.prototype, "from", void 0);
_ts_decorate([
    (0, _classvalidator.IsOptional)(),
    IsFormTime(),
    _ts_metadata("design:type", String)
], ConsoleAuditQueryDto.prototype, "to", void 0);
function toAuditQuery({ tz, ...form }) {
    return {
        ...form,
        from: utcFromForm(form.from, tz),
        to: utcFromForm(form.to, tz)
    };
}

//# sourceMappingURL=console.dto.js.map
