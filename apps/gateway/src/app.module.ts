import { Module, type Type } from '@nestjs/common';
import { SecurityEventsModule } from '@storefront/platform/events';
import type { GatewayConfig } from './config/gateway.config';
import { CoreModule } from './core/core.module';
import { EdgeModule } from './edge/edge.module';
import { HealthController } from './health/health.controller';
import { ProxyModule } from './proxy/proxy.module';

/** The gateway's root module, built from validated config (tests pass their own). */
export function createAppModule(config: GatewayConfig): Type<unknown> {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      SecurityEventsModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'gateway' }),
      EdgeModule,
      ProxyModule,
    ],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
