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
    get FlussonicAuthQueryDto () {
        return FlussonicAuthQueryDto;
    },
    get MediaMtxAuthBodyDto () {
        return MediaMtxAuthBodyDto;
    },
    get SecretQueryDto () {
        return SecretQueryDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _validation = require("../common/validation");
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
const text = (description, example)=>[
        (0, _swagger.ApiPropertyOptional)({
            description,
            example
        }),
        (0, _classvalidator.IsOptional)(),
        (0, _classvalidator.IsString)({
            message: 'must be a string'
        }),
        (0, _classvalidator.MaxLength)(4096, {
            message: 'must not be longer than 4096 characters'
        })
    ];
const Text = (description, example)=>(target, key)=>text(description, example).forEach((d)=>d(target, key));
let FlussonicAuthQueryDto = class FlussonicAuthQueryDto {
    name;
    token;
    ip;
    proto;
    request_type;
    session_id;
    qs;
    media_request;
    secret;
};
_ts_decorate([
    Text('Stream name.', 'gate-hd'),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "name", void 0);
_ts_decorate([
    Text("The token from the viewer's URL."),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "token", void 0);
_ts_decorate([
    Text('Viewer IP address.', '203.0.113.7'),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "ip", void 0);
_ts_decorate([
    Text('Protocol of the session, e.g. hls, rtsp, mp4, jpeg.', 'mp4'),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "proto", void 0);
_ts_decorate([
    Text('new_session or update_session.', 'new_session'),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "request_type", void 0);
_ts_decorate([
    Text("Flussonic's session id, the same in every request of one session: the viewing session's `media_server_session_id`."),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "session_id", void 0);
_ts_decorate([
    Text("The viewer's query string."),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "qs", void 0);
_ts_decorate([
    Text('What the URL asks of the stream (`preview`, `index`, `archive-1700000000-3600`…); a preview link opens only its own file.', 'preview'),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "media_request", void 0);
_ts_decorate([
    Text("The media server's verification secret, for servers that can only configure a URL."),
    _ts_metadata("design:type", String)
], FlussonicAuthQueryDto.prototype, "secret", void 0);
FlussonicAuthQueryDto = _ts_decorate([
    (0, _validation.AllowUnknownFields)()
], FlussonicAuthQueryDto);
let MediaMtxAuthBodyDto = class MediaMtxAuthBodyDto {
    user;
    password;
    token;
    ip;
    action;
    path;
    protocol;
    id;
    userAgent;
    query;
};
_ts_decorate([
    Text("User name from the viewer's credentials."),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "user", void 0);
_ts_decorate([
    Text("Password from the viewer's credentials; may carry the link token."),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "password", void 0);
_ts_decorate([
    Text('Bearer token, when the viewer sent one.'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "token", void 0);
_ts_decorate([
    Text('Viewer IP address.', '203.0.113.7'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "ip", void 0);
_ts_decorate([
    Text('publish, read, playback, api, metrics or pprof.', 'read'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "action", void 0);
_ts_decorate([
    Text('Path (stream) asked for.', 'gate-hd'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "path", void 0);
_ts_decorate([
    Text('rtsp, rtmp, hls, webrtc, srt or moq (RTSPS and RTMPS report rtsp and rtmp); recorded with the viewing session.', 'rtsp'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "protocol", void 0);
_ts_decorate([
    Text("MediaMTX's id of the reader session (a UUID; null for playback): the viewing session's `media_server_session_id`."),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "id", void 0);
_ts_decorate([
    Text("The viewer's User-Agent, when its protocol has one; recorded with the viewing session (cut to 256 characters)."),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "userAgent", void 0);
_ts_decorate([
    Text("The viewer's query string; may carry token=….", 'token=cll_…'),
    _ts_metadata("design:type", String)
], MediaMtxAuthBodyDto.prototype, "query", void 0);
MediaMtxAuthBodyDto = _ts_decorate([
    (0, _validation.AllowUnknownFields)()
], MediaMtxAuthBodyDto);
let SecretQueryDto = class SecretQueryDto {
    secret;
};
_ts_decorate([
    Text("The media server's verification secret, for servers that can only configure a URL."),
    _ts_metadata("design:type", String)
], SecretQueryDto.prototype, "secret", void 0);

//# sourceMappingURL=media-auth.dto.js.map
