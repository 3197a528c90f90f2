"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ArchiveController", {
    enumerable: true,
    get: function() {
        return ArchiveController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _chosenid = require("../common/chosen-id");
const _cameralinksdto = require("./camera-links.dto");
const _archivedto = require("./archive.dto");
const _archiveservice = require("./archive.service");
const _linkendpointdecorator = require("./link-endpoint.decorator");
const _requestorigin = require("./request-origin");
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
let ArchiveController = class ArchiveController {
    archives;
    constructor(archives){
        this.archives = archives;
    }
    async issue(principal, body, request) {
        return (await this.archives.issue(principal, body, (0, _requestorigin.requestOrigin)(request))).map(_cameralinksdto.mapCameraLink);
    }
};
_ts_decorate([
    (0, _common.Post)('archive'),
    (0, _linkendpointdecorator.LinkEndpoint)({
        summary: 'URLs to an archive segment',
        description: 'An HLS playlist of the recorded segment `from`–`to` of each camera (at most ARCHIVE_SEGMENT_MAX_SECONDS long).',
        body: _archivedto.ArchiveRequestDto,
        response: _cameralinksdto.CameraLinkDto,
        examples: {
            segment: {
                summary: 'One hour of archive',
                value: {
                    cameras: [
                        {
                            uuid: _chosenid.EXAMPLE_CAMERA,
                            stream_type: 'high',
                            from: '2000-01-01T00:00:00Z',
                            to: '2000-01-01T01:00:00Z'
                        }
                    ],
                    source: 'hls',
                    ttl: 600
                }
            }
        }
    }),
    _ts_param(0, (0, _integrationauthguard.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _archivedto.ArchiveRequestDto === "undefined" ? Object : _archivedto.ArchiveRequestDto,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", Promise)
], ArchiveController.prototype, "issue", null);
ArchiveController = _ts_decorate([
    (0, _swagger.ApiTags)('integration'),
    (0, _common.Controller)('api/v1/cameras'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _archiveservice.ArchiveService === "undefined" ? Object : _archiveservice.ArchiveService
    ])
], ArchiveController);

//# sourceMappingURL=archive.controller.js.map
