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
    get GlobalExceptionFilter () {
        return GlobalExceptionFilter;
    },
    get logAuthFailure () {
        return logAuthFailure;
    },
    get toErrorResponse () {
        return toErrorResponse;
    }
});
const _common = require("@nestjs/common");
const _prismaerrors = require("./prisma-errors");
const _accesslog = require("../logging/access-log");
const _apperror = require("./app-error");
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
const STATUS = {
    [_apperror.ErrorCode.Unauthenticated]: _common.HttpStatus.UNAUTHORIZED,
    [_apperror.ErrorCode.Forbidden]: _common.HttpStatus.FORBIDDEN,
    [_apperror.ErrorCode.NotFound]: _common.HttpStatus.NOT_FOUND,
    [_apperror.ErrorCode.Conflict]: _common.HttpStatus.CONFLICT,
    [_apperror.ErrorCode.Validation]: _common.HttpStatus.UNPROCESSABLE_ENTITY,
    [_apperror.ErrorCode.Unavailable]: _common.HttpStatus.SERVICE_UNAVAILABLE
};
let GlobalExceptionFilter = class GlobalExceptionFilter {
    logger = new _common.Logger('Errors');
    catch(exception, host) {
        const response = host.switchToHttp().getResponse();
        const { status, body } = toErrorResponse(exception);
        if (status === _common.HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
        logAuthFailure(response, exception);
        if (response.headersSent) return;
        response.status(status).json(body);
    }
};
GlobalExceptionFilter = _ts_decorate([
    (0, _common.Catch)()
], GlobalExceptionFilter);
function logAuthFailure(response, exception) {
    if (exception instanceof _apperror.AppError && exception.authFailure) (0, _accesslog.attachToLog)(response, {
        auth_failure: exception.authFailure
    });
}
function toErrorResponse(exception) {
    const appError = exception instanceof _apperror.AppError ? exception : (0, _prismaerrors.fromPrismaError)(exception);
    if (appError) {
        return {
            status: STATUS[appError.code],
            body: {
                message: appError.message,
                ...appError.errors && {
                    errors: appError.errors
                }
            }
        };
    }
    if (exception instanceof _common.HttpException) {
        // An unparsable body is bad input like any other: the vendor's 422, naming the body.
        if (isUnparsableJson(exception)) return {
            status: _common.HttpStatus.UNPROCESSABLE_ENTITY,
            body: {
                message: INVALID_JSON,
                errors: {
                    body: [
                        INVALID_JSON
                    ]
                }
            }
        };
        // Framework errors: unknown route (404), body too large (413).
        const status = exception.getStatus();
        if (status < 500) return {
            status,
            body: {
                message: clientMessage(exception)
            }
        };
        // Terminus reports an unhealthy dependency as 503 with the check results: they are the answer.
        if (status === _common.HttpStatus.SERVICE_UNAVAILABLE) return {
            status,
            body: exception.getResponse()
        };
    }
    return {
        status: _common.HttpStatus.INTERNAL_SERVER_ERROR,
        body: {
            message: 'Server Error'
        }
    };
}
const INVALID_JSON = 'The request body is not valid JSON.';
function isUnparsableJson(exception) {
    return exception.getStatus() === _common.HttpStatus.BAD_REQUEST && exception.cause?.type === 'entity.parse.failed';
}
function clientMessage(exception) {
    const body = exception.getResponse();
    const message = typeof body === 'object' && body !== null ? body.message : body;
    return typeof message === 'string' ? message : exception.message;
}

//# sourceMappingURL=global-exception.filter.js.map
