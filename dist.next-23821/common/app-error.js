/** Field path (dotted, like `cameras.0.uuid`) → human-readable messages. */ "use strict";
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
    get AppError () {
        return AppError;
    },
    get ErrorCode () {
        return ErrorCode;
    },
    get MAX_FIELD_ERRORS () {
        return MAX_FIELD_ERRORS;
    },
    get fieldMessage () {
        return fieldMessage;
    }
});
const MAX_FIELD_ERRORS = 20;
var ErrorCode = /*#__PURE__*/ function(ErrorCode) {
    ErrorCode["Unauthenticated"] = "unauthenticated";
    ErrorCode["Forbidden"] = "forbidden";
    ErrorCode["NotFound"] = "not_found";
    ErrorCode["Conflict"] = "conflict";
    ErrorCode["Validation"] = "validation";
    ErrorCode["Unavailable"] = "unavailable";
    return ErrorCode;
}({});
let AppError = class AppError extends Error {
    code;
    errors;
    authFailure;
    constructor(code, message, errors, authFailure){
        super(message), this.code = code, this.errors = errors, this.authFailure = authFailure;
    }
    static unauthenticated(reason) {
        return new AppError("unauthenticated", 'Unauthenticated.', undefined, reason);
    }
    /** Authenticated, but the admin's role does not allow this. */ static forbidden(message) {
        return new AppError("forbidden", message);
    }
    static notFound(what) {
        return new AppError("not_found", `${what} not found.`);
    }
    static validation(errors) {
        const messages = Object.values(errors).flat();
        const more = messages.length - 1;
        const suffix = more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '';
        const listed = Object.keys(errors).length > MAX_FIELD_ERRORS ? Object.fromEntries(Object.entries(errors).slice(0, MAX_FIELD_ERRORS)) : errors;
        return new AppError("validation", `${messages[0] ?? 'The given data was invalid.'}${suffix}`, listed);
    }
    /** One invalid field, phrased like the validation pipe phrases it. */ static invalidField(path, problem) {
        return AppError.validation({
            [path]: [
                fieldMessage(path, problem)
            ]
        });
    }
};
function fieldMessage(path, problem) {
    return `The ${path} field ${problem.replace(/\.$/, '')}.`;
}

//# sourceMappingURL=app-error.js.map
