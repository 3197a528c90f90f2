import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  PrismaHealthIndicator,
} from '@nestjs/terminus';
import { Shutdown } from '../config/config.module';
import { DatabaseChanges } from '../database/database-changes';
import { PrismaService } from '../database/prisma.service';

/**
 * For load balancers and orchestrators: live = the process answers; ready = it can reach its
 * database, migrated exactly as the code needs. A lost change listener makes ready `degraded` (still 200), not failed: decisions
 * stay correct without the caches (every verification asks the database), only slower, and a
 * cause shared by all instances (the network to PostgreSQL) would otherwise take every
 * instance out of the load balancer at once.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
    private readonly indicators: HealthIndicatorService,
    private readonly changes: DatabaseChanges,
    private readonly shutdown: Shutdown,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description: 'For a liveness probe: touches no dependency, so it fails only when the process is stuck.',
  })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database answers',
    description:
      'For a readiness probe or a load balancer: 503 with the failing check while the database cannot be reached within 1.5 s, while its migrations are not exactly those of this camlinks or a table they created is gone (`details.migrations.problem` says which), and from the moment the instance is told to stop (`details.instance.state`: `stopping`; it still answers requests for SHUTDOWN_DRAIN_MS). `details.changes` says whether database changes are heard (a lost listener is reported, not failed: caches are off meanwhile).',
  })
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.stopping)
      return this.health.check([() => this.indicators.check('instance').down({ state: 'stopping' })]);
    return this.health.check([
      () => this.database.pingCheck('database', this.prisma, { timeout: 1500 }),
      () => this.migrations(),
      () => this.changeListener(),
    ]);
  }

  /** A database migrated by a newer camlinks, or missing a table (or the migrations table), fails the code: out of the load balancer. */
  private async migrations() {
    const indicator = this.indicators.check('migrations');
    // An unreachable database is the ping check's to report; its error (addresses) is not for this public answer.
    const problem = await this.prisma.migrationProblem().catch(() => 'the database did not answer');
    return problem ? indicator.down({ problem }) : indicator.up();
  }

  private changeListener() {
    const { listening, heartbeatAgeSeconds } = this.changes.state();
    const indicator = this.indicators.check('changes');
    const details = {
      listener: heartbeatAgeSeconds === null ? 'in-process' : listening ? 'listening' : 'lost',
      caches: listening ? 'on' : 'off',
      ...(heartbeatAgeSeconds !== null && { last_heartbeat_seconds_ago: Math.round(heartbeatAgeSeconds * 10) / 10 }),
    };
    return listening ? indicator.up(details) : indicator.degraded(details);
  }
}
