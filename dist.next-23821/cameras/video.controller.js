"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "VideoController", {
    enumerable: true,
    get: function() {
        return VideoController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _chosenid = require("../common/chosen-id");
const _linkendpointdecorator = require("./link-endpoint.decorator");
const _requestorigin = require("./request-origin");
const _videodto = require("./video.dto");
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
const DOCS = {
    summary: 'URLs to play live video, or the archive from a time',
    description: 'Live video (`hls` or `rtsp`) of each camera, or its archive from `date`. With `archive_ranges: true`, each item also lists the archive the stream has.',
    body: _videodto.VideoRequestDto,
    response: _videodto.VideoLinkDto,
    examples: {
        live: {
            summary: 'Live HLS',
            value: {
                cameras: [
                    {
                        uuid: _chosenid.EXAMPLE_CAMERA,
                        stream_type: 'high'
                    }
                ],
                source: 'hls',
                ttl: 3600
            }
        },
        archive: {
            summary: 'Archive from a time, with the archive ranges',
            value: {
                cameras: [
                    {
                        uuid: _chosenid.EXAMPLE_CAMERA,
                        date: '2000-01-01T00:00:00Z',
                        archive_ranges: true
                    }
                ],
                source: 'hls',
                ttl: '600'
            }
        },
        rtsp: {
            summary: 'Live RTSP',
            value: {
                cameras: [
                    {
                        uuid: _chosenid.EXAMPLE_CAMERA
                    }
                ],
                source: 'rtsp'
            }
        }
    }
};
let VideoController = class VideoController {
    videos;
    constructor(videos){
        this.videos = videos;
    }
    async issue(principal, body, request) {
        return (await this.videos.issue(principal, body, (0, _requestorigin.requestOrigin)(request))).map(_videodto.mapVideoLink);
    }
    /** The same endpoint where the vendor's production documentation places it. */ issueAtBillingPath(principal, body, request) {
        return this.issue(principal, body, request);
    }
};
_ts_decorate([
    (0, _common.Post)('api/v1/cameras/video'),
    (0, _linkendpointdecorator.LinkEndpoint)(DOCS),
    _ts_param(0, (0, _integrationauthguard.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _videodto.VideoRequestDto === "undefined" ? Object : _videodto.VideoRequestDto,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", Promise)
], VideoController.prototype, "issue", null);
_ts_decorate([
    (0, _common.Post)('api/v1/billing/cameras/video'),
    (0, _linkendpointdecorator.LinkEndpoint)({
        ...DOCS,
        summary: `${DOCS.summary} (at the vendor's billing path)`,
        description: `The same as \`POST /api/v1/cameras/video\`, at the path the vendor's production documentation gives. ${DOCS.description}`
    }),
    _ts_param(0, (0, _integrationauthguard.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _videodto.VideoRequestDto === "undefined" ? Object : _videodto.VideoRequestDto,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], VideoController.prototype, "issueAtBillingPath", null);
VideoController = _ts_decorate([
    (0, _swagger.ApiTags)('integration'),
    (0, _common.Controller)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _videoservice.VideoService === "undefined" ? Object : _videoservice.VideoService
    ])
], VideoController);

//# sourceMappingURL=video.controller.js.map
