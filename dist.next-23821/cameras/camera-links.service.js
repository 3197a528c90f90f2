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
    get CameraLinksService () {
        return CameraLinksService;
    },
    get DEFAULT_STREAM_TYPE () {
        return DEFAULT_STREAM_TYPE;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../common/app-error");
const _configmodule = require("../config/config.module");
const _linkissuer = require("../links/link-issuer");
const _archiveavailability = require("./archive-availability");
const _linkablecameras = require("./linkable-cameras");
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
const DEFAULT_STREAM_TYPE = 'camera';
let CameraLinksService = class CameraLinksService {
    cameras;
    issuer;
    config;
    constructor(cameras, issuer, config){
        this.cameras = cameras;
        this.issuer = issuer;
        this.config = config;
    }
    async issue(principal, body, origin, rules) {
        const ttl = this.checkLimits(body);
        const now = new Date();
        const errors = {};
        const invalidAt = (index)=>(field, problem)=>{
                const path = `cameras.${index}.${field}`;
                errors[path] = [
                    (0, _apperror.fieldMessage)(path, problem)
                ];
            };
        body.cameras.forEach((item, index)=>rules.checkItem?.(item, invalidAt(index), now));
        const found = await this.cameras.find(principal, [
            ...new Set(body.cameras.map((c)=>c.uuid.toLowerCase()))
        ], now);
        const byUuid = new Map(found.map((camera)=>[
                camera.uuid,
                camera
            ]));
        const planned = [];
        body.cameras.forEach((item, index)=>{
            // Cameras that do not exist, are not visible or are blocked are left out, indistinguishably.
            const camera = byUuid.get(item.uuid.toLowerCase());
            if (!camera) return;
            const invalid = invalidAt(index);
            const stream = resolveStream(camera, item.stream_type);
            if (!stream) return invalid('stream_type', `names a stream type this camera does not have (it has: ${camera.streams.map((s)=>s.type).join(', ')})`);
            const archive = ()=>(0, _archiveavailability.availableArchive)(camera.archiveRetentionDays, camera.archiveRanges.filter((r)=>r.streamType === stream.type), now);
            const plan = rules.plan({
                item,
                camera,
                stream,
                archive,
                now,
                invalid
            });
            if (!plan) return;
            planned.push({
                plan,
                request: {
                    ...plan.link,
                    cameraUuid: camera.uuid,
                    mediaServer: camera.mediaServer,
                    streamType: stream.type,
                    streamName: stream.name,
                    ttl,
                    cameraGeneration: camera.generation,
                    grantGeneration: camera.grantGeneration
                }
            });
        });
        if (Object.keys(errors).length) throw _apperror.AppError.validation(errors);
        const links = await this.issuer.issue(planned.map((p)=>p.request), {
            principal,
            now,
            ...origin
        });
        return links.map((link, index)=>({
                link,
                movedTo: planned[index].plan.movedTo,
                archiveRanges: planned[index].plan.archiveRanges
            }));
    }
    /**
   * The ttl limit, which comes from configuration rather than from the DTO (MAX_CAMERAS_PER_REQUEST
   * is checked by `@MaxItems` before any item is validated). Returns the ttl to use.
   */ checkLimits(body) {
        const { ttlDefault, ttlMax } = this.config.links;
        if (body.ttl !== undefined && body.ttl !== null && body.ttl > ttlMax) throw _apperror.AppError.invalidField('ttl', `must not be greater than ${ttlMax}`);
        return body.ttl ?? ttlDefault;
    }
};
CameraLinksService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linkablecameras.LinkableCameras === "undefined" ? Object : _linkablecameras.LinkableCameras,
        typeof _linkissuer.LinkIssuer === "undefined" ? Object : _linkissuer.LinkIssuer,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], CameraLinksService);
function resolveStream(camera, requested) {
    const type = !requested || requested === DEFAULT_STREAM_TYPE ? camera.defaultStreamType : requested;
    return camera.streams.find((stream)=>stream.type === type);
}

//# sourceMappingURL=camera-links.service.js.map
