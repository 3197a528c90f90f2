import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { ScrapeTimeGauges } from './scrape-time-gauges';

/** Prometheus metrics at GET /metrics; Metrics is global so that any service can count. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, ScrapeTimeGauges],
  exports: [Metrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
