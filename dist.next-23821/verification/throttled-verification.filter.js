"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ThrottledVerificationFilter", {
    enumerable: true,
    get: function() {
        return ThrottledVerificationFilter;
    }
});
const _common = require("@nestjs/common");
const _throttler = require("@nestjs/throttler");
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
let ThrottledVerificationFilter = class ThrottledVerificationFilter {
    catch(_, host) {
        const http = host.switchToHttp();
        const request = http.getRequest();
        // The matched route's template: the raw path may differ in letter case or end with a slash.
        const status = (request.route?.path ?? request.path).endsWith('/mediamtx') ? 401 : 403;
        http.getResponse().status(status).end();
    }
};
ThrottledVerificationFilter = _ts_decorate([
    (0, _common.Catch)(_throttler.ThrottlerException)
], ThrottledVerificationFilter);

//# sourceMappingURL=throttled-verification.filter.js.map
