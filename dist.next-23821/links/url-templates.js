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
    get DEFAULT_TEMPLATES () {
        return DEFAULT_TEMPLATES;
    },
    get TEMPLATE_PLACEHOLDERS () {
        return TEMPLATE_PLACEHOLDERS;
    },
    get buildStreamDirectoryUrl () {
        return buildStreamDirectoryUrl;
    },
    get buildUrl () {
        return buildUrl;
    },
    get rtspBase () {
        return rtspBase;
    },
    get templateKey () {
        return templateKey;
    }
});
const DEFAULT_TEMPLATES = {
    live_preview: '{base_url}/{stream}/preview.{format}?token={token}',
    archive_preview: '{base_url}/{stream}/{from}-preview.{format}?token={token}',
    hls_live: '{base_url}/{stream}/index.m3u8?token={token}',
    hls_archive: '{base_url}/{stream}/index-{from}-now.m3u8?token={token}',
    hls_segment: '{base_url}/{stream}/index-{from}-{duration}.m3u8?token={token}',
    rtsp_live: '{rtsp_base_url}/{stream}?token={token}',
    rtsp_archive: '{rtsp_base_url}/{stream}?from={from}&token={token}'
};
const TEMPLATE_PLACEHOLDERS = [
    'base_url',
    'rtsp_base_url',
    'stream',
    'format',
    'from',
    'to',
    'duration',
    'token'
];
function templateKey(link) {
    if (link.kind === 'preview') return link.archiveFrom ? 'archive_preview' : 'live_preview';
    const protocol = link.source === 'rtsp' ? 'rtsp' : 'hls';
    if (!link.archiveFrom) return `${protocol}_live`;
    return protocol === 'hls' && link.archiveTo ? 'hls_segment' : `${protocol}_archive`;
}
function rtspBase(server) {
    return (server.rtspBaseUrl ?? `rtsp://${new URL(server.baseUrl).hostname}`).replace(/\/+$/, '');
}
function buildUrl(server, link, token) {
    return fill(templateOf(server, link), server, link, token);
}
function buildStreamDirectoryUrl(server, link) {
    const template = templateOf(server, link);
    const at = template.indexOf(STREAM_DIRECTORY);
    if (at === -1 || template.indexOf('{stream}') !== at + 1 || template.lastIndexOf('{stream}') !== at + 1) return null;
    return fill(template.slice(0, at + STREAM_DIRECTORY.length), server, link, '');
}
const STREAM_DIRECTORY = '/{stream}/';
function templateOf(server, link) {
    return server.urlTemplates[templateKey(link)] ?? DEFAULT_TEMPLATES[templateKey(link)];
}
function fill(template, server, link, token) {
    const seconds = (date)=>date ? String(Math.floor(date.getTime() / 1000)) : '';
    const values = {
        base_url: ()=>server.baseUrl.replace(/\/+$/, ''),
        rtsp_base_url: ()=>rtspBase(server),
        stream: ()=>link.streamName.split('/').map(encodeURIComponent).join('/'),
        format: ()=>link.source,
        from: ()=>seconds(link.archiveFrom),
        to: ()=>seconds(link.archiveTo),
        duration: ()=>link.archiveFrom && link.archiveTo ? String(Math.round((link.archiveTo.getTime() - link.archiveFrom.getTime()) / 1000)) : '',
        token: ()=>encodeURIComponent(token)
    };
    return template.replace(/\{(\w+)\}/g, (whole, name)=>name in values ? values[name]() : whole);
}

//# sourceMappingURL=url-templates.js.map
