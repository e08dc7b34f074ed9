import { Module, type Type } from '@nestjs/common';
import { GrantUsageModule } from '@storefront/identity/access';
import { SecurityEventsModule } from '@storefront/platform/events';
import { CertificatesModule } from './certificates/certificates.module';
import type { GatewayConfig } from './config/gateway.config';
import { CoreModule } from './core/core.module';
import { EdgeModule } from './edge/edge.module';
import { EdgeRedisModule } from './edge/edge-redis';
import { ShieldModule } from './edge/shield/shield.module';
import { HealthController } from './health/health.controller';
import { ProxyModule } from './proxy/proxy.module';

/** The gateway's root module, built from validated config (tests pass their own). */
export function createAppModule(config: GatewayConfig): Type<unknown> {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      SecurityEventsModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'gateway' }),
      EdgeRedisModule,
      // Records each staff grant its routes use (edge blocks, certificates) for the access review.
      GrantUsageModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'gateway' }),
      // Off only for the benchmark's baseline on loopback (see EDGE_GUARDS). The shield's staff routes come before the proxy's catch-all.
      ...(config.EDGE_GUARDS === 'on' ? [ShieldModule, EdgeModule] : []),
      CertificatesModule,
      ProxyModule,
    ],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
