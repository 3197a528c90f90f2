import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Metrics } from './metrics';
import { MetricsAuthGuard } from './metrics-auth.guard';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @UseGuards(MetricsAuthGuard)
  // Open, or with the METRICS_TOKEN bearer when one is configured.
  @ApiSecurity({})
  @ApiSecurity('metrics')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Metrics in the Prometheus text format',
    description:
      'For Prometheus to scrape; keep it off the public side of the load balancer. With METRICS_TOKEN set, only with `Authorization: Bearer <METRICS_TOKEN>`.',
  })
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'Counters, histograms and gauges; see docs/PRODUCTION.md.',
  })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
