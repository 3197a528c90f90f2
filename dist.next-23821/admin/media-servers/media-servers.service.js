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
    get MediaServersService () {
        return MediaServersService;
    },
    get NO_SECRET_WARNING () {
        return NO_SECRET_WARNING;
    }
});
const _common = require("@nestjs/common");
const _tokens = require("../../auth/tokens");
const _apperror = require("../../common/app-error");
const _mediaserversrepository = require("./media-servers.repository");
const _urlrules = require("./url-rules");
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
const NO_SECRET_WARNING = "This media server has no verification_secret: camlinks answers whoever reaches its media-auth endpoints about this server's links (it trusts the network). Set one unless only the media server can reach camlinks.";
let MediaServersService = class MediaServersService {
    servers;
    logger = new _common.Logger(MediaServersService.name);
    constructor(servers){
        this.servers = servers;
    }
    async create(body) {
        const fields = {
            name: body.name,
            baseUrl: body.base_url,
            rtspBaseUrl: body.rtsp_base_url ?? null,
            urlTemplates: withOverrides({}, body.url_templates),
            verificationSecretHash: secretHash(body.verification_secret) ?? null,
            controlApiUrl: body.control_api_url ?? null,
            controlApiUsername: body.control_api_username ?? null,
            controlApiPassword: body.control_api_password ?? null
        };
        await this.check(fields);
        const server = await this.servers.create(fields, body.id);
        return {
            server,
            warnings: server.verificationSecretHash === null ? this.warnNoSecret(server, 'created') : []
        };
    }
    list() {
        return this.servers.list();
    }
    get(id) {
        return this.findOrFail(id);
    }
    async update(id, body) {
        const current = await this.findOrFail(id);
        const fields = {
            name: body.name,
            baseUrl: body.base_url,
            rtspBaseUrl: body.rtsp_base_url,
            urlTemplates: body.url_templates && withOverrides(current.urlTemplates, body.url_templates),
            verificationSecretHash: secretHash(body.verification_secret),
            controlApiUrl: body.control_api_url,
            controlApiUsername: body.control_api_username,
            controlApiPassword: body.control_api_password
        };
        const defined = Object.fromEntries(Object.entries(fields).filter(([, value])=>value !== undefined));
        await this.check({
            ...current,
            ...defined
        }, id);
        const server = await this.servers.update(id, fields);
        const removed = current.verificationSecretHash !== null && server.verificationSecretHash === null;
        return {
            server,
            warnings: removed ? this.warnNoSecret(server, 'had its secret removed') : []
        };
    }
    /** Refused (409) while cameras still use the server: their links would have nowhere to point. */ async delete(id) {
        await this.findOrFail(id);
        // Asked first, not left to the foreign key: PostgreSQL 18 (also the embedded one) reports a
        // RESTRICT violation as 23001, which Prisma does not turn into P2003.
        if (await this.servers.hasCameras(id)) throw new _apperror.AppError(_apperror.ErrorCode.Conflict, 'The media server is still used by cameras.');
        await this.servers.delete(id);
    }
    /**
   * The server as it would be: every URL template on its own origin and verifiable (url-rules.ts),
   * and its secret its own, since a presented secret names the server that asks.
   */ async check(server, id) {
        const errors = {};
        for (const [key, template] of Object.entries(server.urlTemplates)){
            const problem = (0, _urlrules.templateProblem)(key, template) ?? (0, _urlrules.templateProblemOn)(server, key, template);
            if (problem) errors[`url_templates.${key}`] = [
                (0, _apperror.fieldMessage)(`url_templates.${key}`, problem)
            ];
        }
        if (server.verificationSecretHash !== null) {
            const owner = await this.servers.findIdBySecretHash(server.verificationSecretHash);
            if (owner !== null && owner !== id) errors.verification_secret = [
                (0, _apperror.fieldMessage)('verification_secret', 'is the secret of another media server')
            ];
        }
        if (Object.keys(errors).length) throw _apperror.AppError.validation(errors);
    }
    warnNoSecret(server, what) {
        this.logger.warn(`Media server ${server.id} (${server.name}) ${what} without a verification secret: its links are verified for any caller`);
        return [
            NO_SECRET_WARNING
        ];
    }
    /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown media server all answer this 404. */ async findOrFail(id) {
        return await this.servers.findById(id) ?? Promise.reject(_apperror.AppError.notFound('Media server'));
    }
};
MediaServersService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mediaserversrepository.MediaServersRepository === "undefined" ? Object : _mediaserversrepository.MediaServersRepository
    ])
], MediaServersService);
/** Secrets are kept like tokens: only their SHA-256. undefined leaves it as is, null removes it. */ function secretHash(secret) {
    return typeof secret === 'string' ? (0, _tokens.hashToken)(secret) : secret;
}
/** Applies template overrides: a string replaces, null goes back to the default, absent keeps. */ function withOverrides(current, overrides) {
    // DTO instances carry every declared key, undefined when left out: skip those.
    const given = Object.entries(overrides ?? {}).filter(([, value])=>value !== undefined);
    const merged = Object.entries({
        ...current,
        ...Object.fromEntries(given)
    });
    return Object.fromEntries(merged.filter(([, value])=>typeof value === 'string'));
}

//# sourceMappingURL=media-servers.service.js.map
