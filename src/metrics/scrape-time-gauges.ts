import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { OpenDatabase } from '../database/open-database';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import { DatabaseChanges } from '../database/database-changes';
import { Metrics } from './metrics';

/** State that other modules keep anyway, exported as gauges read at scrape time. */
@Injectable()
export class ScrapeTimeGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @Inject(DATABASE_CONNECTION) private readonly database: OpenDatabase,
    private readonly changes: DatabaseChanges,
  ) {}

  onModuleInit(): void {
    const pool = this.database.poolState?.bind(this.database);
    if (pool) {
      this.metrics.gaugeAtScrape(
        'camlinks_db_pool_connections',
        'Connections the PostgreSQL pool holds open, busy or idle.',
        () => pool().total,
      );
      this.metrics.gaugeAtScrape(
        'camlinks_db_pool_idle_connections',
        'Pool connections open and idle.',
        () => pool().idle,
      );
      this.metrics.gaugeAtScrape(
        'camlinks_db_pool_waiting_requests',
        'Queries waiting for a pool connection: above 0 for long, the pool is too small.',
        () => pool().waiting,
      );
    }
    this.metrics.gaugeAtScrape(
      'camlinks_revocation_propagation_lag_seconds',
      'For the last change seen (revocation, token, grant, camera): seconds from its commit to its arrival here, when cached verification decisions are dropped.',
      () => this.changes.lastLagSeconds,
    );
    this.metrics.gaugeAtScrape(
      'camlinks_cache_entries',
      'Entries held by the in-process caches (link states, cameras, grants, credentials, media-server secrets).',
      () => this.changes.cacheUsage().entries,
    );
    this.metrics.gaugeAtScrape(
      'camlinks_cache_estimated_bytes',
      'What those entries take, as estimated for the CACHE_MAX_MB bound.',
      () => this.changes.cacheUsage().bytes,
    );
    this.metrics.gaugeAtScrape(
      'camlinks_change_listener_up',
      '1 while this instance hears change notifications (its caches are on), 0 while not (caches off: every verification asks the database).',
      () => (this.changes.state().listening ? 1 : 0),
    );
    this.metrics.counterAtScrape(
      'camlinks_change_listener_losses_total',
      'Times this instance stopped hearing change notifications: its listener connection was lost, or its heartbeat did not come back in time.',
      () => this.changes.state().losses,
    );
    if (this.changes.state().heartbeatAgeSeconds !== null) {
      this.metrics.gaugeAtScrape(
        'camlinks_change_heartbeat_age_seconds',
        'Seconds since the newest heartbeat of its own that this instance heard on the change channel was sent (PostgreSQL only); beyond CHANGES_HEARTBEAT_TIMEOUT_MS the caches stop answering and the listener is replaced.',
        () => this.changes.state().heartbeatAgeSeconds ?? 0,
      );
    }
  }
}
