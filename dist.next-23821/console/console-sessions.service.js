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
    get ConsoleSessionsService () {
        return ConsoleSessionsService;
    },
    get SESSION_ABSOLUTE_MS () {
        return SESSION_ABSOLUTE_MS;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _adminauthguard = require("../auth/admin-auth.guard");
const _adminidentity = require("../auth/admin-identity");
const _tokens = require("../auth/tokens");
const _consolesessionsrepository = require("./console-sessions.repository");
const _timestamps = require("../common/timestamps");
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
/** A session ends after this long without a request… */ const SESSION_IDLE_MS = 30 * 60_000;
const SESSION_ABSOLUTE_MS = 12 * _timestamps.HOUR_MS;
/** lastSeenAt is written at most this often: a page view costs no write. */ const TOUCH_EVERY_MS = 60_000;
let ConsoleSessionsService = class ConsoleSessionsService {
    sessions;
    adminAuth;
    constructor(sessions, adminAuth){
        this.sessions = sessions;
        this.adminAuth = adminAuth;
    }
    /** The new session's cookie secret, or why the token is no admin's. */ async signIn(adminToken, now) {
        const token = adminToken.trim();
        const admin = await this.adminAuth.identify(token);
        if (typeof admin === 'string') return admin;
        const secret = (0, _nodecrypto.randomBytes)(32).toString('base64url');
        // Sessions nobody came back to are removed here, so the table holds little more than live ones.
        await this.sessions.deleteStale(new Date(now.getTime() - SESSION_IDLE_MS), new Date(now.getTime() - SESSION_ABSOLUTE_MS));
        await this.sessions.create({
            tokenHash: (0, _tokens.hashToken)(secret),
            adminId: admin.id,
            csrfToken: (0, _nodecrypto.randomBytes)(32).toString('base64url'),
            credentialHash: (0, _tokens.hashToken)(token),
            at: now
        });
        return {
            secret,
            admin
        };
    }
    /** The live session for a cookie secret, its idle timer restarted; null when there is none (or it timed out). */ async resume(secret, now) {
        if (!secret) return null;
        const session = await this.sessions.find((0, _tokens.hashToken)(secret));
        // A bootstrap session ends when ADMIN_TOKEN is changed or removed, as the token itself does.
        if (!session || session.admin.id === _adminidentity.BOOTSTRAP_ADMIN.id && !this.adminAuth.isBootstrapHash(session.credentialHash)) return null;
        if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS || now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS) {
            await this.sessions.deleteStale(new Date(now.getTime() - SESSION_IDLE_MS), new Date(now.getTime() - SESSION_ABSOLUTE_MS));
            return null;
        }
        if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(session.id, now);
        return session;
    }
    signOut(session) {
        return this.sessions.delete(session.id);
    }
};
ConsoleSessionsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _consolesessionsrepository.ConsoleSessionsRepository === "undefined" ? Object : _consolesessionsrepository.ConsoleSessionsRepository,
        typeof _adminauthguard.AdminAuthGuard === "undefined" ? Object : _adminauthguard.AdminAuthGuard
    ])
], ConsoleSessionsService);

//# sourceMappingURL=console-sessions.service.js.map
