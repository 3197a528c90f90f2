"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "requestOrigin", {
    enumerable: true,
    get: function() {
        return requestOrigin;
    }
});
function requestOrigin(request) {
    return {
        endpoint: request.route.path,
        clientIp: request.ip,
        userAgent: request.get('user-agent')
    };
}

//# sourceMappingURL=request-origin.js.map
