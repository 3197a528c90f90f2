"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PreviewService", {
    enumerable: true,
    get: function() {
        return PreviewService;
    }
});
const _common = require("@nestjs/common");
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
let PreviewService = class PreviewService {
    links;
    constructor(links){
        this.links = links;
    }
    issue(principal, body, origin) {
        const source = body.source ?? 'mp4';
        return this.links.issue(principal, body, origin, {
            checkItem: (item, invalid, now)=>{
                if (item.date && new Date(item.date) > now) invalid('date', 'must not be in the future');
            },
            plan: ({ item, archive, invalid })=>{
                if (!item.date) return {
                    link: {
                        kind: 'preview',
                        source,
                        archiveFrom: null,
                        archiveTo: null
                    }
                };
                const start = (0, _archiveavailability.startAt)(archive(), new Date(item.date));
                if (!start) return void invalid('date', 'asks for archive footage this camera does not have');
                return {
                    link: {
                        kind: 'preview',
                        source,
                        archiveFrom: start.from,
                        archiveTo: null
                    },
                    movedTo: start.movedTo
                };
            }
        });
    }
};
PreviewService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cameralinksservice.CameraLinksService === "undefined" ? Object : _cameralinksservice.CameraLinksService
    ])
], PreviewService);

//# sourceMappingURL=preview.service.js.map
