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
    get CameraCache () {
        return CameraCache;
    },
    get GrantCache () {
        return GrantCache;
    },
    get LinkableCameras () {
        return LinkableCameras;
    }
});
const _common = require("@nestjs/common");
const _changeawarecache = require("../database/change-aware-cache");
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
let CameraCache = class CameraCache extends (0, _changeawarecache.ConfiguredCache)('cameras', _camerasrepository.CAMERA_FACTS_TABLES) {
};
CameraCache = _ts_decorate([
    (0, _common.Injectable)()
], CameraCache);
let GrantCache = class GrantCache extends (0, _changeawarecache.ConfiguredCache)('grants', _camerasrepository.GRANT_TABLES) {
};
GrantCache = _ts_decorate([
    (0, _common.Injectable)()
], GrantCache);
let LinkableCameras = class LinkableCameras {
    repository;
    cameras;
    grants;
    constructor(repository, cameras, grants){
        this.repository = repository;
        this.cameras = cameras;
        this.grants = grants;
    }
    async find(principal, uuids, now) {
        const userId = principal.user?.id;
        const [cameras, grants] = await Promise.all([
            this.cameras.throughMany(uuids, (uuid)=>uuid, (missing)=>this.repository.findCameras(missing), (camera)=>camera.uuid),
            userId === undefined ? undefined : this.grants.throughMany(uuids, (uuid)=>`${userId}:${uuid}`, (missing)=>this.repository.findGrants(userId, missing), (grant)=>grant.cameraUuid)
        ]);
        const linkable = [];
        for (const uuid of uuids){
            const camera = cameras.get(uuid);
            if (!camera || camera.blocked) continue;
            if (!grants) {
                linkable.push({
                    ...camera,
                    grantGeneration: null
                });
                continue;
            }
            const grant = grants.get(uuid);
            if (grant && (grant.expiresAt === null || grant.expiresAt > now)) linkable.push({
                ...camera,
                grantGeneration: grant.generation
            });
        }
        return linkable;
    }
};
LinkableCameras = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _camerasrepository.CamerasRepository === "undefined" ? Object : _camerasrepository.CamerasRepository,
        typeof CameraCache === "undefined" ? Object : CameraCache,
        typeof GrantCache === "undefined" ? Object : GrantCache
    ])
], LinkableCameras);

//# sourceMappingURL=linkable-cameras.js.map
