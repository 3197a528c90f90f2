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
    get ApiConflict () {
        return ApiConflict;
    },
    get ApiInvalid () {
        return ApiInvalid;
    },
    get ApiNotFound () {
        return ApiNotFound;
    }
});
const _swagger = require("@nestjs/swagger");
const _apperror = require("../common/app-error");
const _errorresponsedto = require("../common/error-response.dto");
const ApiNotFound = (what, description = `No ${what.toLowerCase()} has this id.`)=>(0, _swagger.ApiNotFoundResponse)({
        type: _errorresponsedto.ErrorResponseDto,
        description,
        example: {
            message: _apperror.AppError.notFound(what).message
        }
    });
const ApiConflict = (description, message)=>(0, _swagger.ApiConflictResponse)({
        type: _errorresponsedto.ErrorResponseDto,
        description,
        example: {
            message
        }
    });
function ApiInvalid(errors, description = 'A field is invalid; `errors` names each one by its path.') {
    const error = _apperror.AppError.validation(errors);
    return (0, _swagger.ApiUnprocessableEntityResponse)({
        type: _errorresponsedto.ValidationErrorResponseDto,
        description,
        example: {
            message: error.message,
            errors
        }
    });
}

//# sourceMappingURL=api-responses.decorator.js.map
