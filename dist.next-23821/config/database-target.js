/** Where camlinks keeps its data: a PostgreSQL server, or the embedded PGlite directory. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "describeTarget", {
    enumerable: true,
    get: function() {
        return describeTarget;
    }
});
function describeTarget(target) {
    if (target.kind === 'embedded') return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
    const url = new URL(target.url);
    return `PostgreSQL at ${url.host}${url.pathname}`;
}

//# sourceMappingURL=database-target.js.map
