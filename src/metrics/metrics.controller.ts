import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Metrics in the Prometheus text format',
    description: 'For Prometheus to scrape; keep it off the public side of the load balancer.',
  })
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string' }, description: 'Counters, histograms and gauges; see docs/PRODUCTION.md.' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
