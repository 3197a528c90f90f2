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
    get ArrayOf () {
        return ArrayOf;
    },
    get IsAnyUuid () {
        return IsAnyUuid;
    },
    get IsAnyUuidLowerCased () {
        return IsAnyUuidLowerCased;
    },
    get IsDateTimeWithOffset () {
        return IsDateTimeWithOffset;
    },
    get IsFutureDateTime () {
        return IsFutureDateTime;
    },
    get IsName () {
        return IsName;
    },
    get IsShortString () {
        return IsShortString;
    },
    get NumericString () {
        return NumericString;
    },
    get OptionalNotNull () {
        return OptionalNotNull;
    }
});
const _common = require("@nestjs/common");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _names = require("./names");
const _timestamps = require("./timestamps");
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
function IsDateTimeWithOffset() {
    const message = 'must be an ISO 8601 date-time with a time zone, like 2000-01-01T00:00:00Z';
    return (0, _common.applyDecorators)((0, _classvalidator.IsISO8601)({
        strict: true
    }, {
        message
    }), (0, _classvalidator.Matches)(WITH_OFFSET, {
        message
    }), // An offset can push 9999-12-31 into year 10000, which the database cannot store.
    (0, _classvalidator.ValidateBy)({
        name: 'isStorableDateTime',
        validator: {
            validate: (value)=>{
                const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
                return Number.isNaN(time) || (0, _timestamps.isStorableTime)(time);
            },
            defaultMessage: ()=>'must be between the years 0001 and 9999 in UTC'
        }
    }));
}
function IsFutureDateTime() {
    return (0, _common.applyDecorators)(IsDateTimeWithOffset(), (0, _classvalidator.ValidateBy)({
        name: 'isFutureDateTime',
        // A value that is no date at all is IsDateTimeWithOffset's to report, once.
        validator: {
            validate: (value)=>{
                const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
                return Number.isNaN(time) || time > Date.now();
            },
            defaultMessage: ()=>'must be in the future'
        }
    }));
}
function OptionalNotNull() {
    return (0, _classvalidator.ValidateIf)((_, value)=>value !== undefined);
}
function IsAnyUuid() {
    return (0, _classvalidator.IsUUID)('all', {
        message: 'must be a valid UUID'
    });
}
function IsAnyUuidLowerCased() {
    return (0, _common.applyDecorators)((0, _classtransformer.Transform)(({ value })=>typeof value === 'string' ? value.toLowerCase() : value), IsAnyUuid());
}
function IsShortString(maxLength) {
    return (0, _common.applyDecorators)((0, _classvalidator.IsString)({
        message: 'must be a string'
    }), (0, _classvalidator.IsNotEmpty)({
        message: 'must not be empty'
    }), (0, _classvalidator.MaxLength)(maxLength, {
        message: `must not be longer than ${maxLength} characters`
    }));
}
function IsName(maxLength = 100) {
    return (0, _common.applyDecorators)((0, _classtransformer.Transform)(({ value })=>typeof value === 'string' ? value.normalize('NFC') : value), IsShortString(maxLength), (0, _classvalidator.ValidateBy)({
        name: 'isName',
        validator: {
            validate: (value)=>typeof value !== 'string' || (0, _names.nameProblem)(value) === undefined,
            defaultMessage: (args)=>(0, _names.nameProblem)(args?.value) ?? 'is not a valid name'
        }
    }));
}
function NumericString() {
    return (0, _classtransformer.Transform)(({ value })=>typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);
}
function ArrayOf(type) {
    return (0, _common.applyDecorators)((0, _classvalidator.IsArray)({
        message: 'must be an array'
    }), (0, _classvalidator.ValidateBy)({
        name: 'objectItems',
        validator: {
            validate: (value)=>!Array.isArray(value) || value.every((item)=>typeof item === 'object' && item !== null && !Array.isArray(item)),
            defaultMessage: ()=>'must contain only objects'
        }
    }), (0, _classvalidator.ValidateNested)({
        each: true
    }), (0, _classtransformer.Type)(type));
}

//# sourceMappingURL=validators.js.map
