"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConsoleSignInController", {
    enumerable: true,
    get: function() {
        return ConsoleSignInController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _auditinterceptor = require("../audit/audit.interceptor");
const _adminroles = require("../auth/admin-roles");
const _apperror = require("../common/app-error");
const _authfailures = require("../rate-limit/auth-failures");
const _consoleauthguard = require("./console-auth.guard");
const _consoleexceptionfilter = require("./console-exception.filter");
const _consolesessionsservice = require("./console-sessions.service");
const _consoledto = require("./console.dto");
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
let ConsoleSignInController = class ConsoleSignInController {
    sessions;
    constructor(sessions){
        this.sessions = sessions;
    }
    signInPage(failed) {
        return {
            title: 'Sign in',
            failed: failed !== undefined
        };
    }
    async signIn(body, request, response) {
        (0, _consoleauthguard.assertSameOrigin)(request);
        const signedIn = await this.sessions.signIn(body.token, new Date());
        if (typeof signedIn === 'string') {
            // A wrong token typed in is a failed credential like a 401 of the API: it spends the address's RATE_LIMIT_AUTH_FAILURES.
            (0, _authfailures.markCredentialFailed)(response);
            throw _apperror.AppError.unauthenticated(signedIn);
        }
        request.admin = signedIn.admin;
        (0, _consoleauthguard.setSessionCookie)(request, response, signedIn.secret);
    }
    async signOut(_form, session, request, response) {
        await this.sessions.signOut(session);
        (0, _consoleauthguard.setSessionCookie)(request, response, null);
    }
};
_ts_decorate([
    (0, _common.Get)('sign-in'),
    (0, _common.Render)('sign-in'),
    _ts_param(0, (0, _common.Query)('failed')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        Object
    ]),
    _ts_metadata("design:returntype", Object)
], ConsoleSignInController.prototype, "signInPage", null);
_ts_decorate([
    (0, _common.Post)('sign-in'),
    (0, _common.HttpCode)(303),
    (0, _common.Redirect)('/admin', 303),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _common.Req)()),
    _ts_param(2, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.SignInDto === "undefined" ? Object : _consoledto.SignInDto,
        typeof ConsoleRequest === "undefined" ? Object : ConsoleRequest,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleSignInController.prototype, "signIn", null);
_ts_decorate([
    (0, _common.Post)('sign-out'),
    (0, _common.UseGuards)(_consoleauthguard.ConsoleAuthGuard),
    (0, _adminroles.RequiresRole)('auditor'),
    (0, _common.HttpCode)(303),
    (0, _common.Redirect)('/admin/sign-in', 303),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _consoleauthguard.ConsoleSession)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_param(3, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consoledto.CsrfDto === "undefined" ? Object : _consoledto.CsrfDto,
        typeof ConsoleSessionRecord === "undefined" ? Object : ConsoleSessionRecord,
        typeof ConsoleRequest === "undefined" ? Object : ConsoleRequest,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], ConsoleSignInController.prototype, "signOut", null);
ConsoleSignInController = _ts_decorate([
    (0, _swagger.ApiExcludeController)(),
    (0, _common.UseFilters)(_consoleexceptionfilter.ConsoleExceptionFilter),
    (0, _common.UseInterceptors)(_auditinterceptor.AuditInterceptor),
    (0, _common.Controller)('admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consolesessionsservice.ConsoleSessionsService === "undefined" ? Object : _consolesessionsservice.ConsoleSessionsService
    ])
], ConsoleSignInController);

//# sourceMappingURL=console-sign-in.controller.js.map
