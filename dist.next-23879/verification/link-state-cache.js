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
    get LinkStateCache () {
        return LinkStateCache;
    },
    get MediaServerBySecretCache () {
        return MediaServerBySecretCache;
    }
});
const _common = require("@nestjs/common");
const _changeawarecache = require("../database/change-aware-cache");
const _verificationrepository = require("./verification.repository");
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
let LinkStateCache = class LinkStateCache extends (0, _changeawarecache.ConfiguredCache)('linkStates', _verificationrepository.LINK_STATE_TABLES) {
};
LinkStateCache = _ts_decorate([
    (0, _common.Injectable)()
], LinkStateCache);
let MediaServerBySecretCache = class MediaServerBySecretCache extends (0, _changeawarecache.ConfiguredCache)('mediaServersBySecret', _verificationrepository.MEDIA_SERVER_SECRET_TABLES) {
};
MediaServerBySecretCache = _ts_decorate([
    (0, _common.Injectable)()
], MediaServerBySecretCache);

//# sourceMappingURL=link-state-cache.js.map
