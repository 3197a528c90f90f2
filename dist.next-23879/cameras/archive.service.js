"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ArchiveService", {
    enumerable: true,
    get: function() {
        return ArchiveService;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _archiveavailability = require("./archive-availability");
const _cameralinksservice = require("./camera-links.service");
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
let ArchiveService = class ArchiveService {
    links;
    config;
    constructor(links, config){
        this.links = links;
        this.config = config;
    }
    issue(principal, body, origin) {
        const maxSeconds = this.config.links.segmentMaxSeconds;
        return this.links.issue(principal, body, origin, {
            checkItem: (item, invalid, now)=>{
                const [from, to] = [
                    Date.parse(item.from),
                    Date.parse(item.to)
                ];
                if (to <= from) invalid('to', 'must be after from');
                else if (to - from > maxSeconds * 1000) invalid('to', `must be at most ${maxSeconds} seconds after from`);
                else if (to > now.getTime()) invalid('to', 'must not be in the future');
            },
            plan: ({ item, archive, invalid })=>{
                const [from, to] = [
                    new Date(item.from),
                    new Date(item.to)
                ];
                if (!(0, _archiveavailability.covers)(archive(), from, to)) return void invalid('from', "asks for a segment outside the camera's recorded archive");
                return {
                    link: {
                        kind: 'archive',
                        source: body.source ?? 'hls',
                        archiveFrom: from,
                        archiveTo: to
                    }
                };
            }
        });
    }
};
ArchiveService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cameralinksservice.CameraLinksService === "undefined" ? Object : _cameralinksservice.CameraLinksService,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], ArchiveService);

//# sourceMappingURL=archive.service.js.map
