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
    get ALREADY_ENDED () {
        return ALREADY_ENDED;
    },
    get SessionsAdminService () {
        return SessionsAdminService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _cursor = require("../../common/cursor");
const _issuedlinksrepository = require("../../links/issued-links.repository");
const _viewingsessionsrepository = require("../../sessions/viewing-sessions.repository");
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
const EXPORT_BATCH = 500;
const ALREADY_ENDED = 'The session has already ended.';
let SessionsAdminService = class SessionsAdminService {
    sessions;
    links;
    constructor(sessions, links){
        this.sessions = sessions;
        this.links = links;
    }
    list(query) {
        return (0, _cursor.fetchPage)(query, (after, take)=>this.sessions.list(toFilter(query), after, take), cursorOf);
    }
    /** A link's sessions, newest first; 404 for an unknown link (one without sessions has an empty page). */ async listByLink(linkId, query) {
        if (!await this.links.findById(linkId, new Date())) throw _apperror.AppError.notFound('Link');
        return (0, _cursor.fetchPage)(query, (after, take)=>this.sessions.listByLink(linkId, after, take), cursorOf);
    }
    /** Open sessions, newest first, of one link or all: the console's "Watching now". */ watchingNow(linkId, limit) {
        return this.sessions.list({
            active: true,
            linkId
        }, undefined, limit);
    }
    /** Every matching session, a batch at a time, so an export never holds more than one batch. */ export(query) {
        const filter = toFilter(query);
        return (0, _cursor.inBatches)(query.cursor, EXPORT_BATCH, (after, take)=>this.sessions.list(filter, after, take), cursorOf);
    }
    /**
   * Ends one viewer's session, its link untouched: a MediaMTX session is left for the kicker to
   * end on the media server; nginx and Flussonic keep allowing the link, so a viewer who goes on
   * watching shows up as a new session. 404 unknown, 409 already ended.
   */ async end(id, now) {
        const ended = await this.sessions.markEnded([
            id
        ], 'ended_by_admin', now);
        const session = await this.sessions.findById(id);
        if (!session) throw _apperror.AppError.notFound('Session');
        if (!ended.length) throw new _apperror.AppError(_apperror.ErrorCode.Conflict, ALREADY_ENDED);
        return session;
    }
};
SessionsAdminService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _viewingsessionsrepository.ViewingSessionsRepository === "undefined" ? Object : _viewingsessionsrepository.ViewingSessionsRepository,
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], SessionsAdminService);
const cursorOf = (session)=>({
        at: session.startedAt,
        id: session.id
    });
function toFilter(query) {
    return {
        active: query.active === undefined ? undefined : query.active === 'true',
        cameraUuid: query.camera_uuid,
        integrationId: query.integration_id,
        userId: query.user_id,
        mediaServerId: query.media_server_id
    };
}

//# sourceMappingURL=sessions.service.js.map
