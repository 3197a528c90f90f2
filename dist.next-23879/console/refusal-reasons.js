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
    get decisionInWords () {
        return decisionInWords;
    },
    get refusalInWords () {
        return refusalInWords;
    }
});
/** Why a media server was refused, as the console says it (the codes stay in logs, the API and the CSV). */ const IN_WORDS = {
    no_token: 'no token in the request',
    unknown_token: 'a token camlinks never issued',
    secret_missing: 'the media server sent no secret',
    secret_wrong: 'a secret of no media server',
    wrong_server: "another media server's secret",
    revoked: 'the link was revoked',
    expired: 'the link had expired',
    camera_gone: 'the camera was deleted',
    camera_blocked: 'the camera is blocked',
    stream_gone: 'the camera no longer has the stream',
    issuer_revoked: 'the token that asked for it was revoked',
    issuer_expired: 'the token that asked for it had expired',
    grant_gone: "the user's access to the camera was removed",
    grant_expired: "the user's access to the camera had expired",
    wrong_resource: 'a file the link was not issued for',
    error: 'camlinks could not decide (database unreachable)'
};
function refusalInWords(reason) {
    return Object.hasOwn(IN_WORDS, reason) ? IN_WORDS[reason] : reason;
}
function decisionInWords(metric) {
    return metric.startsWith('refused:') ? `refused: ${refusalInWords(metric.slice('refused:'.length))}` : metric;
}

//# sourceMappingURL=refusal-reasons.js.map
