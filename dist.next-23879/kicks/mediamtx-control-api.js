/**
 * MediaMTX's control API, as far as camlinks uses it: kicking one session out
 * (`POST /v3/{collection}/kick/{id}`, api/openapi.yaml of bluenviron/mediamtx).
 */ /** Where a media server's control API is, and the HTTP Basic credentials camlinks presents there. */ "use strict";
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
    get isKickable () {
        return isKickable;
    },
    get kickMediaMtxSession () {
        return kickMediaMtxSession;
    }
});
/**
 * The collections a session may sit in, by the `protocol` MediaMTX reported when it asked
 * camlinks: its auth requests say `rtsp` for RTSP and RTSPS alike, and `rtmp` for RTMP and RTMPS
 * (internal/auth/request.go), so both collections are tried, the plain one first.
 */ const COLLECTIONS = {
    rtsp: [
        'rtspsessions',
        'rtspssessions'
    ],
    rtmp: [
        'rtmpconns',
        'rtmpsconns'
    ],
    srt: [
        'srtconns'
    ],
    webrtc: [
        'webrtcsessions'
    ],
    hls: [
        'hlssessions'
    ],
    moq: [
        'moqsessions'
    ]
};
function isKickable(protocol) {
    return Object.hasOwn(COLLECTIONS, protocol);
}
async function kickMediaMtxSession(api, protocol, sessionId, timeoutMs) {
    const collections = COLLECTIONS[protocol] ?? [];
    const headers = api.username !== null || api.password !== null ? {
        authorization: `Basic ${Buffer.from(`${api.username ?? ''}:${api.password ?? ''}`).toString('base64')}`
    } : {};
    for (const collection of collections){
        const url = `${api.url.replace(/\/+$/, '')}/v3/${collection}/kick/${encodeURIComponent(sessionId)}`;
        let status;
        try {
            const response = await fetch(url, {
                method: 'POST',
                headers,
                signal: AbortSignal.timeout(timeoutMs),
                redirect: 'manual'
            });
            status = response.status;
            await response.body?.cancel();
        } catch (error) {
            // The URL is the configured one (never with credentials) plus the session id: safe to record.
            return {
                kind: 'failed',
                error: `POST ${url}: ${describe(error)}`
            };
        }
        if (status >= 200 && status < 300) return {
            kind: 'kicked'
        };
        if (status !== 404) return {
            kind: 'failed',
            error: `POST ${url}: answered ${status}`
        };
    }
    return {
        kind: 'gone'
    };
}
function describe(error) {
    const cause = error.cause;
    if (error.name === 'TimeoutError') return 'timed out';
    return cause?.code ?? cause?.message ?? error.message;
}

//# sourceMappingURL=mediamtx-control-api.js.map
