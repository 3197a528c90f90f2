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
    get flussonic () {
        return flussonic;
    },
    get mediamtx () {
        return mediamtx;
    },
    get nginx () {
        return nginx;
    }
});
const _nodenet = require("node:net");
function queryParam(queryString, name) {
    return new URLSearchParams((queryString ?? '').replace(/^\?/, '')).get(name) ?? undefined;
}
const flussonic = {
    request (query, secret) {
        return {
            token: query.token || queryParam(query.qs, 'token'),
            secret: secret ?? query.secret,
            resource: {
                protocol: 'flussonic',
                name: query.name ?? '',
                proto: (query.proto ?? '').toLowerCase(),
                mediaRequest: query.media_request
            },
            viewerIp: ipOrNothing(query.ip),
            sessionId: query.session_id,
            sessionProtocol: (query.proto ?? '').toLowerCase()
        };
    },
    /**
   * X-AuthDuration is whole seconds Flussonic keeps the session without asking again, never past
   * the link's life. Under a second left, no honest duration exists (Flussonic documents none
   * below 1; 0 is not "ask again now"), so the session is refused: the link ends before the
   * shortest one would.
   */ answer (decision, maxDurationSeconds, now) {
        if (!decision.allow) return {
            status: 403
        };
        const remaining = Math.floor((decision.validUntil.getTime() - now.getTime()) / 1000);
        if (remaining < 1) return {
            status: 403
        };
        return {
            status: 200,
            headers: {
                'X-AuthDuration': String(Math.min(maxDurationSeconds, remaining)),
                'X-UserId': decision.link.subject
            }
        };
    }
};
/** What an HLS player fetches (playlists, segments, subtitles); anything else nginx serves is plain `http`. */ const HLS_FILE = /\.(m3u8|ts|m4s|aac|vtt)$/i;
const nginx = {
    /** Without X-Original-Method nginx is not configured as documented: no method is no GET, and refused. */ request (originalUri, originalMethod, secret, viewerIp, userAgent) {
        const uri = originalUri ?? '';
        const at = uri.indexOf('?');
        const [path, query] = at === -1 ? [
            uri,
            ''
        ] : [
            uri.slice(0, at),
            uri.slice(at + 1)
        ];
        return {
            token: queryParam(query, 'token'),
            secret,
            resource: {
                protocol: 'nginx',
                path,
                method: originalMethod ?? ''
            },
            viewerIp: ipOrNothing(viewerIp),
            sessionProtocol: HLS_FILE.test(path) ? 'hls' : 'http',
            userAgent
        };
    },
    answer (decision) {
        if (decision.allow) return {
            status: 204
        };
        const unauthenticated = decision.reason === 'no_token' || decision.reason === 'secret_missing';
        return {
            status: unauthenticated ? 401 : 403
        };
    }
};
const mediamtx = {
    request (body, secret) {
        return {
            token: body.token || queryParam(body.query, 'token') || body.password || undefined,
            secret,
            resource: {
                protocol: 'mediamtx',
                path: body.path ?? '',
                action: body.action ?? '',
                query: body.query ?? ''
            },
            viewerIp: ipOrNothing(body.ip),
            // Null for playback (MediaMTX names only reader sessions): such requests are sessions by address, as nginx's are.
            sessionId: body.id ?? undefined,
            sessionProtocol: body.protocol || (body.action === 'playback' ? 'playback' : ''),
            userAgent: body.userAgent
        };
    },
    answer (decision) {
        return {
            status: decision.allow ? 200 : 401
        };
    }
};
/** The viewer's address as a media server reports it: recorded (and shown to auditors) only when it is an IP address. */ function ipOrNothing(value) {
    return value !== undefined && (0, _nodenet.isIP)(value) ? value : undefined;
}

//# sourceMappingURL=media-auth.protocols.js.map
