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
    get IssuedLinkWriter () {
        return IssuedLinkWriter;
    },
    get LINKS_NOT_RECORDED_MESSAGE () {
        return LINKS_NOT_RECORDED_MESSAGE;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../common/app-error");
const _issuedlinksrepository = require("./issued-links.repository");
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
const LINKS_NOT_RECORDED_MESSAGE = 'The links could not be recorded. Try again shortly.';
let IssuedLinkWriter = class IssuedLinkWriter {
    links;
    logger = new _common.Logger(IssuedLinkWriter.name);
    queue = [];
    constructor(links){
        this.links = links;
    }
    /** Resolves when `links` are committed; rejects with 503 when their batch failed. */ write(links) {
        if (!links.length) return Promise.resolve();
        return new Promise((done, failed)=>{
            // setImmediate runs after the poll phase: every request whose bytes arrived in this turn is queued by then.
            if (!this.queue.length) setImmediate(()=>void this.flush());
            this.queue.push({
                links,
                done,
                failed
            });
        });
    }
    async flush() {
        const batch = this.queue;
        this.queue = [];
        try {
            await this.links.insertMany(batch.flatMap((pending)=>pending.links));
        } catch (error) {
            this.logger.error(`Could not record ${batch.length} request(s)' links: ${error.message}`);
            const unavailable = new _apperror.AppError(_apperror.ErrorCode.Unavailable, LINKS_NOT_RECORDED_MESSAGE);
            for (const pending of batch)pending.failed(unavailable);
            return;
        }
        for (const pending of batch)pending.done();
    }
};
IssuedLinkWriter = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _issuedlinksrepository.IssuedLinksRepository === "undefined" ? Object : _issuedlinksrepository.IssuedLinksRepository
    ])
], IssuedLinkWriter);

//# sourceMappingURL=issued-link-writer.js.map
