"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MediaAuthController", {
    enumerable: true,
    get: function() {
        return MediaAuthController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _configmodule = require("../config/config.module");
const _accesslog = require("../logging/access-log");
const _authfailures = require("../rate-limit/auth-failures");
const _controlapigate = require("./control-api-gate");
const _linkverifier = require("./link-verifier");
const _mediaauthdto = require("./media-auth.dto");
const _mediaauthprotocols = require("./media-auth.protocols");
const _throttledverificationfilter = require("./throttled-verification.filter");
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
const SECRET_HEADER = 'x-media-server-secret';
/** Over its rate limit (RATE_LIMIT_VERIFY), a media server gets its protocol's refusal, with Retry-After. */ const THROTTLED = {
    'Retry-After': {
        required: false,
        description: 'Only when refused for the rate limit: seconds until it allows a request again.',
        schema: {
            type: 'integer'
        }
    }
};
const REFUSAL = ' Also the answer when camlinks cannot decide (database unreachable) and over the rate limit (with Retry-After).';
let MediaAuthController = class MediaAuthController {
    verifier;
    controlApi;
    config;
    constructor(verifier, controlApi, config){
        this.verifier = verifier;
        this.controlApi = controlApi;
        this.config = config;
    }
    async flussonic(query, secret, res) {
        const decision = await this.verify(_mediaauthprotocols.flussonic.request(query, secret), res);
        send(res, _mediaauthprotocols.flussonic.answer(decision, this.config.verification.authDurationMax, new Date()));
    }
    async nginx(headers, secret, res) {
        const request = _mediaauthprotocols.nginx.request(headers['x-original-uri'], headers['x-original-method'], headers[SECRET_HEADER] ?? (typeof secret === 'string' ? secret : undefined), headers['x-real-ip'], // auth_request's subrequest carries the viewer's own headers.
        headers['user-agent']);
        send(res, _mediaauthprotocols.nginx.answer(await this.verify(request, res)));
    }
    async mediamtx(body, query, secret, res) {
        if (body.action === 'api') {
            const allowed = await this.controlApi.allows(secret ?? query.secret, body.user, body.password);
            (0, _accesslog.attachToLog)(res, {
                verification: {
                    protocol: 'mediamtx',
                    outcome: allowed ? 'control_api' : 'control_api_refused'
                }
            });
            return send(res, {
                status: allowed ? 200 : 401
            });
        }
        send(res, _mediaauthprotocols.mediamtx.answer(await this.verify(_mediaauthprotocols.mediamtx.request(body, secret ?? query.secret), res)));
    }
    /**
   * The decision goes into the request's access-log line (the reason never to the media server,
   * the token nowhere); a verification secret of no media server is a failed credential of the
   * asking address (RATE_LIMIT_AUTH_FAILURES).
   */ async verify(request, res) {
        const decision = await this.verifier.verify(request);
        (0, _accesslog.attachToLog)(res, {
            verification: {
                protocol: request.resource.protocol,
                link: decision.link?.id,
                outcome: decision.allow ? 'allow' : decision.reason
            }
        });
        if (!decision.allow && decision.reason === 'secret_wrong') (0, _authfailures.markCredentialFailed)(res);
        return decision;
    }
};
_ts_decorate([
    (0, _common.Get)('flussonic'),
    (0, _swagger.ApiOperation)({
        summary: 'Flussonic authorization backend (`auth` / `on_play` URL)',
        description: 'Flussonic sends the session (stream name, token, viewer address) as query parameters and lets it play for X-AuthDuration seconds on a 200.'
    }),
    (0, _swagger.ApiOkResponse)({
        description: 'Allowed.',
        headers: {
            'X-AuthDuration': {
                required: true,
                description: "Seconds Flussonic may keep this decision: at most FLUSSONIC_AUTH_DURATION_MAX, never past the link's expiry.",
                schema: {
                    type: 'integer',
                    minimum: 1
                }
            },
            'X-UserId': {
                required: true,
                description: "Who the link was issued to, for Flussonic's session log: the user's id, or the integration's when it acted for no user.",
                schema: {
                    type: 'string'
                }
            }
        }
    }),
    (0, _swagger.ApiForbiddenResponse)({
        description: `Refused: no token, an unknown, expired or revoked one, or one for another stream.${REFUSAL}`,
        headers: THROTTLED
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_param(1, (0, _common.Headers)(SECRET_HEADER)),
    _ts_param(2, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mediaauthdto.FlussonicAuthQueryDto === "undefined" ? Object : _mediaauthdto.FlussonicAuthQueryDto,
        Object,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaAuthController.prototype, "flussonic", null);
_ts_decorate([
    (0, _common.Get)('nginx'),
    (0, _swagger.ApiOperation)({
        summary: 'nginx auth_request subrequest',
        description: "Reads the viewer's request from X-Original-URI (token in its `token` query parameter) and X-Original-Method."
    }),
    (0, _swagger.ApiHeader)({
        name: 'X-Original-URI',
        required: true
    }),
    (0, _swagger.ApiHeader)({
        name: 'X-Original-Method',
        required: true,
        description: "The viewer's method; only GET and HEAD are allowed, and a request without it is refused."
    }),
    (0, _swagger.ApiHeader)({
        name: 'X-Real-IP',
        required: false,
        description: "The viewer's address."
    }),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Allowed.'
    }),
    (0, _swagger.ApiUnauthorizedResponse)({
        description: 'No token in X-Original-URI, or no verification secret where the media server has one.',
        headers: THROTTLED
    }),
    (0, _swagger.ApiForbiddenResponse)({
        description: `Refused: an unknown, expired or revoked token, or one for another resource.${REFUSAL}`,
        headers: THROTTLED
    }),
    (0, _swagger.ApiQuery)({
        name: 'secret',
        type: String,
        required: false,
        description: "The media server's verification secret, for servers that can only configure a URL."
    }),
    _ts_param(0, (0, _common.Headers)()),
    _ts_param(1, (0, _common.Query)('secret')),
    _ts_param(2, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Record === "undefined" ? Object : Record,
        Object,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaAuthController.prototype, "nginx", null);
_ts_decorate([
    (0, _common.Post)('mediamtx'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'MediaMTX external HTTP authentication (`authHTTPAddress`)',
        description: "MediaMTX posts the viewer's request; the token is read from `token`, `token=` in `query`, or `password`. A request with action `api` (a call to MediaMTX's own control API, camlinks' kicks among them) is allowed only with the media server's verification secret and its `control_api_username`/`control_api_password`."
    }),
    (0, _swagger.ApiOkResponse)({
        description: 'Allowed.'
    }),
    (0, _swagger.ApiUnauthorizedResponse)({
        description: `Refused.${REFUSAL}`,
        headers: THROTTLED
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _common.Query)()),
    _ts_param(2, (0, _common.Headers)(SECRET_HEADER)),
    _ts_param(3, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mediaauthdto.MediaMtxAuthBodyDto === "undefined" ? Object : _mediaauthdto.MediaMtxAuthBodyDto,
        typeof _mediaauthdto.SecretQueryDto === "undefined" ? Object : _mediaauthdto.SecretQueryDto,
        Object,
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaAuthController.prototype, "mediamtx", null);
MediaAuthController = _ts_decorate([
    (0, _swagger.ApiTags)('media auth'),
    (0, _swagger.ApiHeader)({
        name: 'X-Media-Server-Secret',
        required: false,
        description: "The media server's verification secret, when it has one."
    }),
    (0, _common.UseFilters)(_throttledverificationfilter.ThrottledVerificationFilter),
    (0, _common.Controller)('api/v1/media-auth'),
    _ts_param(2, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _linkverifier.LinkVerifier === "undefined" ? Object : _linkverifier.LinkVerifier,
        typeof _controlapigate.ControlApiGate === "undefined" ? Object : _controlapigate.ControlApiGate,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], MediaAuthController);
function send(res, answer) {
    res.status(answer.status).set(answer.headers ?? {}).end();
}

//# sourceMappingURL=media-auth.controller.js.map
