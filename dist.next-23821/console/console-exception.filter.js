"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConsoleExceptionFilter", {
    enumerable: true,
    get: function() {
        return ConsoleExceptionFilter;
    }
});
const _common = require("@nestjs/common");
const _globalexceptionfilter = require("../common/global-exception.filter");
const _consoleauthguard = require("./console-auth.guard");
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
let ConsoleExceptionFilter = class ConsoleExceptionFilter {
    logger = new _common.Logger('Console');
    catch(exception, host) {
        const request = host.switchToHttp().getRequest();
        const response = host.switchToHttp().getResponse();
        const { status, body } = (0, _globalexceptionfilter.toErrorResponse)(exception);
        if (status === _common.HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
        (0, _globalexceptionfilter.logAuthFailure)(response, exception);
        if (response.headersSent) return;
        if (status === _common.HttpStatus.UNAUTHORIZED) {
            (0, _consoleauthguard.setSessionCookie)(request, response, null);
            // By the matched route: Express also routes /Admin/sign-in/ here.
            const failedSignIn = request.method === 'POST' && request.route?.path === '/admin/sign-in';
            return response.redirect(303, failedSignIn ? '/admin/sign-in?failed=1' : '/admin/sign-in');
        }
        response.status(status).render('error', {
            title: `Error ${status}`,
            status,
            message: body.message,
            errors: Object.values(body.errors ?? {}).flat()
        });
    }
};
ConsoleExceptionFilter = _ts_decorate([
    (0, _common.Catch)()
], ConsoleExceptionFilter);

//# sourceMappingURL=console-exception.filter.js.map
