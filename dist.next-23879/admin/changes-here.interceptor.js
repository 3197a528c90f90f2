"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ChangesHereInterceptor", {
    enumerable: true,
    get: function() {
        return ChangesHereInterceptor;
    }
});
const _common = require("@nestjs/common");
const _rxjs = require("rxjs");
const _databasechanges = require("../database/database-changes");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let ChangesHereInterceptor = class ChangesHereInterceptor {
    changes;
    constructor(changes){
        this.changes = changes;
    }
    intercept(context, next) {
        const method = context.switchToHttp().getRequest().method;
        if (method === 'GET' || method === 'HEAD') return next.handle();
        return next.handle().pipe((0, _rxjs.tap)(()=>this.changes.changedHere()));
    }
};
ChangesHereInterceptor = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _databasechanges.DatabaseChanges === "undefined" ? Object : _databasechanges.DatabaseChanges
    ])
], ChangesHereInterceptor);

//# sourceMappingURL=changes-here.interceptor.js.map
