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
    get AllowUnknownFields () {
        return AllowUnknownFields;
    },
    get ApiValidationPipe () {
        return ApiValidationPipe;
    },
    get toFieldErrors () {
        return toFieldErrors;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _apperror = require("./app-error");
const _inputbounds = require("./input-bounds");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const ALLOWS_UNKNOWN_FIELDS = Symbol('allowsUnknownFields');
function AllowUnknownFields() {
    return (target)=>Reflect.defineMetadata(ALLOWS_UNKNOWN_FIELDS, true, target);
}
function toFieldErrors(errors, parent = '') {
    const result = {};
    for (const error of errors){
        const path = parent ? `${parent}.${error.property}` : error.property;
        if (error.constraints) {
            // Default messages start with the property name ("uuid must be a UUID"); say the full path instead.
            const messages = Object.entries(error.constraints).map(([constraint, message])=>(0, _apperror.fieldMessage)(path, constraint === 'whitelistValidation' ? 'is not allowed' : message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message));
            result[path] = [
                ...new Set(messages)
            ];
        }
        Object.assign(result, toFieldErrors(error.children ?? [], path));
    }
    return result;
}
const options = (forbidNonWhitelisted)=>new _common.ValidationPipe({
        transform: true,
        whitelist: true,
        forbidNonWhitelisted,
        forbidUnknownValues: true,
        exceptionFactory: (errors)=>_apperror.AppError.validation(toFieldErrors(errors))
    });
let ApiValidationPipe = class ApiValidationPipe {
    config;
    lenient = options(false);
    strict = options(true);
    constructor(config){
        this.config = config;
    }
    transform(value, metadata) {
        if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
            throw new _apperror.AppError(_apperror.ErrorCode.Validation, 'The request body must be a JSON object.', {
                body: [
                    'The request body must be a JSON object.'
                ]
            });
        }
        // Whole bodies and query objects; a single query value (nginx's `secret`) is the handler's plain string.
        if ((metadata.type === 'body' || metadata.type === 'query') && metadata.data === undefined) {
            const problems = (0, _inputbounds.inputProblems)(value, metadata.metatype, this.config);
            if (problems) throw _apperror.AppError.validation(problems);
        }
        const lenient = metadata.metatype && Reflect.getMetadata(ALLOWS_UNKNOWN_FIELDS, metadata.metatype);
        return (lenient ? this.lenient : this.strict).transform(value, metadata);
    }
};
ApiValidationPipe = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], ApiValidationPipe);

//# sourceMappingURL=validation.js.map
