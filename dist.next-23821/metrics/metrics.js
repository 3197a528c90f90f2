"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "Metrics", {
    enumerable: true,
    get: function() {
        return Metrics;
    }
});
const _common = require("@nestjs/common");
const _promclient = require("prom-client");
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
/** Latency buckets around what camlinks promises: most answers well under 25 ms. */ const LATENCY_BUCKETS = [
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5
];
/**
 * The children of a labelled metric, each bound to its label values once and found again by
 * one Map lookup per label: no key string is built and prom-client never hashes labels on a
 * hot path (it would on every `labels()` or `inc(labels)` call).
 */ let BoundChildren = class BoundChildren {
    bind;
    root = new Map();
    constructor(bind){
        this.bind = bind;
    }
    get(a, b, c) {
        let byA = this.root.get(a);
        if (!byA) this.root.set(a, byA = new Map());
        let byB = byA.get(b);
        if (!byB) byA.set(b, byB = new Map());
        let child = byB.get(c);
        if (!child) byB.set(c, child = this.bind(a, b, c));
        return child;
    }
};
let Metrics = class Metrics {
    registry = new _promclient.Registry();
    linksIssued = new _promclient.Counter({
        name: 'camlinks_links_issued_total',
        help: 'Links issued, by the endpoint that issued them, what they serve (source) and their kind.',
        labelNames: [
            'endpoint',
            'source',
            'kind'
        ],
        registers: [
            this.registry
        ]
    });
    decisions = new _promclient.Counter({
        name: 'camlinks_verification_decisions_total',
        help: 'Verification answers given to media servers, by protocol, outcome (allow or deny) and deny reason.',
        labelNames: [
            'protocol',
            'outcome',
            'reason'
        ],
        registers: [
            this.registry
        ]
    });
    requestDuration = new _promclient.Histogram({
        name: 'camlinks_http_request_duration_seconds',
        help: 'Time from receiving a request to finishing its response, by route template, method and status.',
        labelNames: [
            'route',
            'method',
            'status_code'
        ],
        buckets: LATENCY_BUCKETS,
        registers: [
            this.registry
        ]
    });
    adminAuthFailures = new _promclient.Counter({
        name: 'camlinks_admin_auth_failures_total',
        help: 'Admin API requests refused for a missing or wrong credential (401); each is also in the audit trail.',
        registers: [
            this.registry
        ]
    });
    linksIssuedBy = new BoundChildren((endpoint, source, kind)=>this.linksIssued.labels(String(endpoint), String(source), String(kind)));
    decisionsBy = new BoundChildren((protocol, outcome, reason)=>this.decisions.labels(String(protocol), String(outcome), String(reason)));
    requestDurationBy = new BoundChildren((route, method, status)=>this.requestDuration.labels(String(route), String(method), String(status)));
    constructor(){
        (0, _promclient.collectDefaultMetrics)({
            register: this.registry
        });
    }
    linkIssued(endpoint, source, kind, count = 1) {
        this.linksIssuedBy.get(endpoint, source, kind).inc(count);
    }
    /** `denyReason` null: allowed. */ decision(protocol, denyReason) {
        this.decisionsBy.get(protocol, denyReason === null ? 'allow' : 'deny', denyReason ?? '').inc();
    }
    adminAuthFailed() {
        this.adminAuthFailures.inc();
    }
    requestFinished(route, method, status, seconds) {
        this.requestDurationBy.get(route, method, status).observe(seconds);
    }
    /** A gauge read when Prometheus scrapes, so keeping it current costs nothing in between. */ gaugeAtScrape(name, help, read) {
        new _promclient.Gauge({
            name,
            help,
            registers: [
                this.registry
            ],
            collect () {
                this.set(read());
            }
        });
    }
    /** A counter kept by another module (as a plain number), read when Prometheus scrapes. */ counterAtScrape(name, help, read) {
        new _promclient.Counter({
            name,
            help,
            registers: [
                this.registry
            ],
            collect () {
                this.reset();
                this.inc(read());
            }
        });
    }
};
Metrics = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [])
], Metrics);

//# sourceMappingURL=metrics.js.map
