"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CamerasService", {
    enumerable: true,
    get: function() {
        return CamerasService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _mediaserversrepository = require("../media-servers/media-servers.repository");
const _camerasrepository = require("./cameras.repository");
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
let CamerasService = class CamerasService {
    cameras;
    mediaServers;
    constructor(cameras, mediaServers){
        this.cameras = cameras;
        this.mediaServers = mediaServers;
    }
    async create(body) {
        checkDefaultStream(body.streams, body.default_stream_type);
        await this.checkMediaServer(body.media_server_id);
        return this.withStreamsFree(body.media_server_id, body.streams, body.uuid, ()=>this.cameras.create({
                uuid: body.uuid,
                name: body.name,
                mediaServerId: body.media_server_id,
                streams: body.streams,
                defaultStreamType: body.default_stream_type,
                archiveRetentionDays: body.archive_retention_days ?? 0,
                blocked: body.blocked ?? false
            }));
    }
    list(query) {
        return this.cameras.list({
            mediaServerId: query.media_server_id
        });
    }
    names(take) {
        return this.cameras.names(take);
    }
    get(uuid) {
        return this.findOrFail(uuid);
    }
    /**
   * The default stream type is checked against the streams the camera ends up with, given or
   * kept. Unblocking revokes the links issued before the block unless `restore_links` says not
   * to; moving the camera to another media server revokes its links.
   */ async update(uuid, body, actor) {
        if (body.restore_links && body.blocked !== false) throw _apperror.AppError.invalidField('restore_links', 'is only allowed with blocked: false');
        const current = await this.findOrFail(uuid);
        if (body.media_server_id !== undefined) await this.checkMediaServer(body.media_server_id);
        const changes = {
            name: body.name,
            mediaServerId: body.media_server_id,
            streams: body.streams,
            defaultStreamType: body.default_stream_type,
            archiveRetentionDays: body.archive_retention_days,
            blocked: body.blocked
        };
        const at = new Date();
        const update = ()=>this.cameras.update(uuid, changes, (camera)=>checkDefaultStream(camera.streams, camera.defaultStreamType), {
                restoreLinks: body.restore_links ?? false,
                unblocked: {
                    by: actor,
                    reason: 'camera blocked',
                    at
                },
                moved: {
                    by: actor,
                    reason: 'camera moved to another media server',
                    at
                }
            });
        if (!body.streams && body.media_server_id === undefined) return update();
        return this.withStreamsFree(body.media_server_id ?? current.mediaServerId, body.streams ?? current.streams, uuid, update);
    }
    async delete(uuid, actor) {
        await this.findOrFail(uuid);
        await this.cameras.delete(uuid, {
            by: actor,
            reason: 'camera deleted',
            at: new Date()
        });
    }
    /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown camera all answer this 404. */ async findOrFail(uuid) {
        return await this.cameras.findByUuid(uuid) ?? Promise.reject(_apperror.AppError.notFound('Camera'));
    }
    /**
   * `write`, unless another camera serves one of `streams` on the media server: then a 409 that
   * names it. Checked before, and again when the write fails: a concurrent write may have taken
   * the stream first, and the unique index refused this one.
   */ async withStreamsFree(mediaServerId, streams, self, write) {
        await this.checkStreamsFree(mediaServerId, streams, self);
        try {
            return await write();
        } catch (error) {
            await this.checkStreamsFree(mediaServerId, streams, self);
            throw error;
        }
    }
    async checkStreamsFree(mediaServerId, streams, self) {
        const taken = await this.cameras.streamServedElsewhere(mediaServerId, streams.map((stream)=>stream.name), self);
        if (taken) throw new _apperror.AppError(_apperror.ErrorCode.Conflict, `Stream "${taken.name}" is already served by camera ${taken.cameraUuid} on this media server.`);
    }
    async checkMediaServer(id) {
        if (!await this.mediaServers.findById(id)) throw _apperror.AppError.invalidField('media_server_id', 'must name an existing media server');
    }
};
CamerasService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _camerasrepository.AdminCamerasRepository === "undefined" ? Object : _camerasrepository.AdminCamerasRepository,
        typeof _mediaserversrepository.MediaServersRepository === "undefined" ? Object : _mediaserversrepository.MediaServersRepository
    ])
], CamerasService);
/** A default that names no stream would make every request without a stream type fail. */ function checkDefaultStream(streams, defaultType) {
    const types = streams.map((stream)=>stream.type);
    if (!types.includes(defaultType)) throw _apperror.AppError.invalidField('default_stream_type', `must be one of the camera's stream types (${types.join(', ')})`);
}

//# sourceMappingURL=cameras.service.js.map
