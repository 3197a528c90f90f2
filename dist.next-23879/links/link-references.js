"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "linkTokenOf", {
    enumerable: true,
    get: function() {
        return linkTokenOf;
    }
});
const _tokens = require("../auth/tokens");
function linkTokenOf(reference) {
    const text = reference.trim();
    if ((0, _tokens.tokenKind)(text) === 'link') return text;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !URL.canParse(text)) return undefined;
    const url = new URL(text);
    const inQuery = url.searchParams.getAll('token');
    const inPath = url.pathname.split('/').map(decodeSegment);
    const candidates = [
        ...inQuery,
        ...inPath
    ].filter((part)=>(0, _tokens.tokenKind)(part) === 'link');
    // One token, named once (a URL may carry the same one in the path and the query).
    return new Set(candidates).size === 1 ? candidates[0] : undefined;
}
function decodeSegment(segment) {
    try {
        return decodeURIComponent(segment);
    } catch  {
        return segment;
    }
}

//# sourceMappingURL=link-references.js.map
