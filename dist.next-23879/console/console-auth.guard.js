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
    get ConsoleAuthGuard () {
        return ConsoleAuthGuard;
    },
    get ConsoleSession () {
        return ConsoleSession;
    },
    get assertSameOrigin () {
        return assertSameOrigin;
    },
    get setSessionCookie () {
        return setSessionCookie;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _nodecrypto = require("node:crypto");
const _auditeventsrepository = require("../audit/audit-events.repository");
const _auditinterceptor = require("../audit/audit.interceptor");
const _adminroles = require("../auth/admin-roles");
const _tokens = require("../auth/tokens");
const _apperror = require("../common/app-error");
const _accesslog = require("../logging/access-log");
const _authfailures = require("../rate-limit/auth-failures");
const _consolesessionsservice = require("./console-sessions.service");
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
const SESSION_COOKIE = 'camlinks_console';
function sessionSecret(request) {
    for (const part of (request.headers.cookie ?? '').split(';')){
        const [name, ...value] = part.trim().split('=');
        if (name === SESSION_COOKIE) return value.join('=') || undefined;
    }
    return undefined;
}
function setSessionCookie(request, response, secret) {
    const options = {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: '/admin'
    };
    if (secret) response.cookie(SESSION_COOKIE, secret, {
        ...options,
        maxAge: _consolesessionsservice.SESSION_ABSOLUTE_MS
    });
    else response.clearCookie(SESSION_COOKIE, options);
}
const CROSS_SITE = 'Cross-site form posts are refused.';
/**
 * A form post from another site: refused before anything changes, for the sign-in form too (it
 * has no session yet). Browsers send Origin with every POST; a request without one is not a
 * browser's cross-site form.
 */ function sameOrigin(request) {
    const origin = request.headers.origin;
    return !origin || origin === `${request.protocol}://${request.host}`;
}
function assertSameOrigin(request) {
    if (sameOrigin(request)) return;
    (0, _accesslog.attachToLog)(request.res, {
        auth_failure: 'cross_origin'
    });
    throw new _common.ForbiddenException(CROSS_SITE);
}
let ConsoleAuthGuard = class ConsoleAuthGuard {
    sessions;
    reflector;
    events;
    logger = new _common.Logger('Audit');
    constructor(sessions, reflector, events){
        this.sessions = sessions;
        this.reflector = reflector;
        this.events = events;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const changes = request.method !== 'GET' && request.method !== 'HEAD';
        const presented = sessionSecret(request);
        const session = await this.sessions.resume(presented, new Date());
        // The session is looked up first only to name the admin in the audit event of a refusal.
        if (changes && !sameOrigin(request)) return this.refuse(request, session, 'origin', CROSS_SITE);
        if (!session) {
            // A cookie that names no session is a guessed or stale credential: it costs a lookup, so it counts.
            if (presented) (0, _authfailures.markCredentialFailed)(context.switchToHttp().getResponse());
            throw _apperror.AppError.unauthenticated(presented ? 'session_ended' : 'no_credentials');
        }
        if (changes && !sameSecret(request.body?._csrf, session.csrfToken)) {
            return this.refuse(request, session, 'csrf', 'The form is missing its CSRF token or it is stale: reload the page and try again.');
        }
        request.consoleSession = session;
        request.admin = session.admin;
        (0, _adminroles.assertRequiredRole)(this.reflector, context, session.admin);
        return true;
    }
    /**
   * A refused post as a forgery (another origin, a missing or stale CSRF token) goes into the
   * audit trail, with the admin whose session it carried when there was one: guards run before
   * the audit interceptor, which would never see it.
   */ async refuse(request, session, refused, message) {
        const reason = refused === 'origin' ? 'cross_origin' : 'csrf';
        (0, _accesslog.attachToLog)(request.res, {
            auth_failure: reason
        });
        const route = request.route?.path ?? request.path;
        await this.events.append({
            actorType: session ? 'admin' : 'unauthenticated',
            actor: session?.admin.name ?? _auditeventsrepository.NON_ADMIN_ACTORS.unauthenticated,
            actorId: session?.admin.id ?? null,
            action: (0, _auditinterceptor.actionOf)(request),
            objectType: (0, _auditinterceptor.objectTypeOf)(route),
            objectId: null,
            outcome: 'failure',
            statusCode: 403,
            requestId: request.id ?? null,
            clientIp: request.ip ?? null,
            details: {
                refused,
                ...refused === 'origin' && {
                    origin: String(request.headers.origin).slice(0, 200)
                }
            }
        }).catch((error)=>this.logger.error(`Could not write audit event for a refused console post: ${error.message}`));
        throw new _common.ForbiddenException(message);
    }
};
ConsoleAuthGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consolesessionsservice.ConsoleSessionsService === "undefined" ? Object : _consolesessionsservice.ConsoleSessionsService,
        typeof _core.Reflector === "undefined" ? Object : _core.Reflector,
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository
    ])
], ConsoleAuthGuard);
function sameSecret(presented, expected) {
    // Compared as hashes: equal lengths whatever was sent (timingSafeEqual throws on unequal ones).
    return typeof presented === 'string' && (0, _nodecrypto.timingSafeEqual)(Buffer.from((0, _tokens.hashToken)(presented)), Buffer.from((0, _tokens.hashToken)(expected)));
}
const ConsoleSession = (0, _common.createParamDecorator)((_, context)=>{
    const session = context.switchToHttp().getRequest().consoleSession;
    if (!session) throw _apperror.AppError.unauthenticated('no_credentials');
    return session;
});

//# sourceMappingURL=console-auth.guard.js.map
