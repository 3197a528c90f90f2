"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CamerasModule", {
    enumerable: true,
    get: function() {
        return CamerasModule;
    }
});
const _common = require("@nestjs/common");
const _linksmodule = require("../links/links.module");
const _linkrevocationcontroller = require("./link-revocation.controller");
const _linkrevocationservice = require("./link-revocation.service");
const _archivecontroller = require("./archive.controller");
const _archiveservice = require("./archive.service");
const _cameralinksservice = require("./camera-links.service");
const _camerasrepository = require("./cameras.repository");
const _linkablecameras = require("./linkable-cameras");
const _previewcontroller = require("./preview.controller");
const _previewservice = require("./preview.service");
const _videocontroller = require("./video.controller");
const _videoservice = require("./video.service");
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
let CamerasModule = class CamerasModule {
};
CamerasModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _linksmodule.LinksModule
        ],
        controllers: [
            _previewcontroller.PreviewController,
            _videocontroller.VideoController,
            _archivecontroller.ArchiveController,
            _linkrevocationcontroller.LinkRevocationController
        ],
        providers: [
            _linkrevocationservice.LinkRevocationService,
            _camerasrepository.CamerasRepository,
            _linkablecameras.CameraCache,
            _linkablecameras.GrantCache,
            _linkablecameras.LinkableCameras,
            _cameralinksservice.CameraLinksService,
            _previewservice.PreviewService,
            _videoservice.VideoService,
            _archiveservice.ArchiveService
        ]
    })
], CamerasModule);

//# sourceMappingURL=cameras.module.js.map
