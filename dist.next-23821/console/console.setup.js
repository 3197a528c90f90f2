"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "setUpConsole", {
    enumerable: true,
    get: function() {
        return setUpConsole;
    }
});
const _eta = require("eta");
const _express = require("express");
const _nodepath = require("node:path");
/** No script or style but camlinks' own files, no framing, forms post only here. */ const CONSOLE_CSP = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'"
].join('; ');
function setUpConsole(app) {
    const views = (0, _nodepath.join)(__dirname, 'views');
    // autoEscape: every `<%= %>` is HTML-escaped; cache: templates are read once.
    const eta = new _eta.Eta({
        views,
        cache: true,
        autoEscape: true
    });
    app.engine('eta', (path, data, done)=>{
        try {
            done(null, eta.render((0, _nodepath.relative)(views, path), data));
        } catch (error) {
            done(error);
        }
    });
    app.setBaseViewsDir(views);
    app.setViewEngine('eta');
    app.use('/admin', consoleHeaders, withoutEmptyQueryFields, (0, _express.urlencoded)({
        extended: false,
        limit: '16kb'
    }));
    app.useStaticAssets((0, _nodepath.join)(__dirname, 'assets'), {
        prefix: '/admin/assets/',
        index: false
    });
}
function consoleHeaders(_request, response, next) {
    // same-origin, not helmet's no-referrer: under no-referrer a browser's form post says `Origin: null`, which the CSRF check refuses.
    response.set({
        'Content-Security-Policy': CONSOLE_CSP,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'same-origin'
    });
    next();
}
/** A filter form sends every field, empty ones too: an empty field means "no filter", not an invalid value. */ function withoutEmptyQueryFields(request, _response, next) {
    const at = request.url.indexOf('?');
    if (at >= 0) {
        const params = new URLSearchParams(request.url.slice(at + 1));
        const kept = [
            ...params
        ].filter(([, value])=>value.trim() !== '');
        if (kept.length !== [
            ...params
        ].length) request.url = request.url.slice(0, at) + (kept.length ? `?${new URLSearchParams(kept).toString()}` : '');
    }
    next();
}

//# sourceMappingURL=console.setup.js.map
