import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets around what camlinks promises: most answers well under 25 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Every metric camlinks exports, on a registry of its own: tests run several apps in one
 * process, and each must count its own. Children of labelled metrics are kept per label
 * set, so the hot paths pay a Map lookup rather than prom-client's label hashing.
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

  private readonly children = new Map<string, unknown>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  linkIssued(endpoint: string, source: string, kind: string, count = 1): void {
    this.child(`i|${endpoint}|${source}|${kind}`, () => this.linksIssued.labels(endpoint, source, kind)).inc(count);
  }

  /** `denyReason` null: allowed. */
  decision(protocol: string, denyReason: string | null): void {
    const reason = denyReason ?? '';
    this.child(`d|${protocol}|${reason}`, () => this.decisions.labels(protocol, denyReason === null ? 'allow' : 'deny', reason)).inc();
  }

  adminAuthFailed(): void {
    this.adminAuthFailures.inc();
  }

  requestFinished(route: string, method: string, status: number, seconds: number): void {
    this.child(`h|${route}|${method}|${status}`, () => this.requestDuration.labels(route, method, String(status))).observe(seconds);
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

  private child<T>(key: string, create: () => T): T {
    let child = this.children.get(key) as T | undefined;
    if (!child) {
      child = create();
      this.children.set(key, child);
    }
    return child;
  }
}
