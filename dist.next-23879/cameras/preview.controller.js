"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PreviewController", {
    enumerable: true,
    get: function() {
        return PreviewController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _chosenid = require("../common/chosen-id");
const _cameralinksdto = require("./camera-links.dto");
const _requestorigin = require("./request-origin");
const _linkendpointdecorator = require("./link-endpoint.decorator");
const _previewdto = require("./preview.dto");
const _previewservice = require("./preview.service");
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
let PreviewController = class PreviewController {
    previews;
    constructor(previews){
        this.previews = previews;
    }
    async issue(principal, body, request) {
        return (await this.previews.issue(principal, body, (0, _requestorigin.requestOrigin)(request))).map(_cameralinksdto.mapCameraLink);
    }
};
_ts_decorate([
    (0, _common.Post)('preview'),
    (0, _linkendpointdecorator.LinkEndpoint)({
        summary: 'URLs to preview live and archive video from cameras',
        description: 'A preview clip (`mp4`) or image (`jpg`) of each camera: live, or from `date` in the archive (moved to the archive start if earlier, and said in `move_to`).',
        body: _previewdto.PreviewRequestDto,
        response: _cameralinksdto.CameraLinkDto,
        examples: {
            vendor: {
                summary: "The vendor's example",
                value: {
                    cameras: [
                        {
                            uuid: _chosenid.EXAMPLE_CAMERA,
                            stream_type: 'high',
                            date: '2000-01-01T00:00:00Z'
                        }
                    ],
                    source: 'mp4',
                    ttl: '100'
                }
            },
            live: {
                summary: 'Live preview image',
                value: {
                    cameras: [
                        {
                            uuid: _chosenid.EXAMPLE_CAMERA
                        }
                    ],
                    source: 'jpg',
                    ttl: 100
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
        typeof _previewdto.PreviewRequestDto === "undefined" ? Object : _previewdto.PreviewRequestDto,
        typeof Request === "undefined" ? Object : Request
    ]),
    _ts_metadata("design:returntype", Promise)
], PreviewController.prototype, "issue", null);
PreviewController = _ts_decorate([
    (0, _swagger.ApiTags)('integration'),
    (0, _common.Controller)('api/v1/cameras'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _previewservice.PreviewService === "undefined" ? Object : _previewservice.PreviewService
    ])
], PreviewController);

//# sourceMappingURL=preview.controller.js.map
