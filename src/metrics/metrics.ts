import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets around what camlinks promises: most answers well under 25 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

type Label = string | number;

/**
 * The children of a labelled metric, each bound to its label values once and found again by
 * one Map lookup per label: no key string is built and prom-client never hashes labels on a
 * hot path (it would on every `labels()` or `inc(labels)` call).
 */
class BoundChildren<C> {
  private readonly root = new Map<Label, Map<Label, Map<Label, C>>>();

  constructor(private readonly bind: (a: Label, b: Label, c: Label) => C) {}

  get(a: Label, b: Label, c: Label): C {
    let byA = this.root.get(a);
    if (!byA) this.root.set(a, (byA = new Map()));
    let byB = byA.get(b);
    if (!byB) byA.set(b, (byB = new Map()));
    let child = byB.get(c);
    if (!child) byB.set(c, (child = this.bind(a, b, c)));
    return child;
  }
}

/**
 * Every metric camlinks exports, on a registry of its own: tests run several apps in one
 * process, and each must count its own. Labelled metrics are counted through pre-bound children.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly linksIssued = new Counter({
    name: 'camlinks_links_issued_total',
    help: 'Links issued, by the endpoint that issued them, what they serve (source) and their kind.',
    labelNames: ['endpoint', 'source', 'kind'] as const,
    registers: [this.registry],
  });

  private readonly decisions = new Counter({
    name: 'camlinks_verification_decisions_total',
    help: 'Verification answers given to media servers, by protocol, outcome (allow or deny) and deny reason.',
    labelNames: ['protocol', 'outcome', 'reason'] as const,
    registers: [this.registry],
  });

  private readonly requestDuration = new Histogram({
    name: 'camlinks_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response, by route template, method and status.',
    labelNames: ['route', 'method', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly adminAuthFailures = new Counter({
    name: 'camlinks_admin_auth_failures_total',
    help: 'Admin API requests refused for a missing or wrong credential (401); each is also in the audit trail.',
    registers: [this.registry],
  });

  private readonly linksIssuedBy = new BoundChildren((endpoint, source, kind) =>
    this.linksIssued.labels(String(endpoint), String(source), String(kind)),
  );
  private readonly decisionsBy = new BoundChildren((protocol, outcome, reason) =>
    this.decisions.labels(String(protocol), String(outcome), String(reason)),
  );
  private readonly requestDurationBy = new BoundChildren((route, method, status) =>
    this.requestDuration.labels(String(route), String(method), String(status)),
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  linkIssued(endpoint: string, source: string, kind: string, count = 1): void {
    this.linksIssuedBy.get(endpoint, source, kind).inc(count);
  }

  /** `denyReason` null: allowed. */
  decision(protocol: string, denyReason: string | null): void {
    this.decisionsBy.get(protocol, denyReason === null ? 'allow' : 'deny', denyReason ?? '').inc();
  }

  adminAuthFailed(): void {
    this.adminAuthFailures.inc();
  }

  requestFinished(route: string, method: string, status: number, seconds: number): void {
    this.requestDurationBy.get(route, method, status).observe(seconds);
  }

  /** A gauge read when Prometheus scrapes, so keeping it current costs nothing in between. */
  gaugeAtScrape(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** A counter kept by another module (as a plain number), read when Prometheus scrapes. */
  counterAtScrape(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }
}
