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
    get UsageRecorder () {
        return UsageRecorder;
    },
    get mergeUsage () {
        return mergeUsage;
    }
});
const _common = require("@nestjs/common");
const _periodicflush = require("../common/periodic-flush");
const _configmodule = require("../config/config.module");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let UsageRecorder = class UsageRecorder extends _periodicflush.PeriodicFlush {
    repository;
    pending = new Map();
    constructor(repository, config, shutdown){
        super({
            name: 'usage',
            intervalMs: config.verification.usageFlushMs,
            config,
            shutdown
        }), this.repository = repository;
    }
    record(decision, ip, now) {
        const link = decision.link;
        if (!link) return;
        let delta = this.pending.get(link.id);
        if (!delta) {
            delta = {
                linkId: link.id,
                uses: 0,
                denied: 0,
                firstUsedAt: null,
                lastUsedAt: null,
                lastIp: null,
                lastDeniedAt: null,
                lastDeniedReason: null
            };
            this.pending.set(link.id, delta);
        }
        if (decision.allow) {
            delta.uses++;
            delta.firstUsedAt ??= now;
            delta.lastUsedAt = now;
            delta.lastIp = ip ?? delta.lastIp;
        } else {
            delta.denied++;
            delta.lastDeniedAt = now;
            delta.lastDeniedReason = decision.reason;
        }
    }
    take() {
        const batch = [
            ...this.pending.values()
        ];
        this.pending = new Map();
        // In key order, as the database locks them (VerificationRepository.addUsage).
        return batch.sort((a, b)=>a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0);
    }
    putBack(batch) {
        for (const delta of batch)this.merge(delta.linkId, delta);
    }
    write(batch, id) {
        return this.repository.addUsage(batch, id);
    }
    merge(id, failed) {
        const pending = this.pending.get(id);
        this.pending.set(id, pending ? mergeUsage(pending, failed) : failed);
    }
};
UsageRecorder = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _verificationrepository.VerificationRepository === "undefined" ? Object : _verificationrepository.VerificationRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof _configmodule.Shutdown === "undefined" ? Object : _configmodule.Shutdown
    ])
], UsageRecorder);
function mergeUsage(a, b) {
    const [used, otherUse] = newer(a, b, 'lastUsedAt');
    const [denied] = newer(a, b, 'lastDeniedAt');
    return {
        linkId: a.linkId,
        uses: a.uses + b.uses,
        denied: a.denied + b.denied,
        firstUsedAt: earliest(a.firstUsedAt, b.firstUsedAt),
        lastUsedAt: used.lastUsedAt,
        lastIp: used.lastIp ?? otherUse.lastIp,
        lastDeniedAt: denied.lastDeniedAt,
        lastDeniedReason: denied.lastDeniedReason
    };
}
/** [the delta whose `field` is later, the other]; a missing time is the oldest. */ function newer(a, b, field) {
    return (b[field]?.getTime() ?? -Infinity) > (a[field]?.getTime() ?? -Infinity) ? [
        b,
        a
    ] : [
        a,
        b
    ];
}
function earliest(a, b) {
    if (!a || !b) return a ?? b;
    return a <= b ? a : b;
}

//# sourceMappingURL=usage-recorder.js.map
