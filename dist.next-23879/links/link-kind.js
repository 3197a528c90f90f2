/** What a link opens: a preview file, live video, or a stretch of archive. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LINK_KINDS", {
    enumerable: true,
    get: function() {
        return LINK_KINDS;
    }
});
const LINK_KINDS = [
    'preview',
    'live',
    'archive'
];

//# sourceMappingURL=link-kind.js.map
