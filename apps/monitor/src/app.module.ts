import { BullModule } from '@nestjs/bullmq';
import { Module, type Type } from '@nestjs/common';
import { GrantUsageModule } from '@storefront/identity/access';
import { HealthController } from '@storefront/platform/mtls';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import type { MonitorConfig } from './config/monitor.config';
import { CoreModule } from './core/core.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { EventTraceModule } from './trace/event-trace.module';
import { redisTlsOptions } from '@storefront/platform/config';

/** The monitor's root module, built from validated config (tests pass their own). */
export function createAppModule(config: MonitorConfig, auditKey: Buffer): Type<unknown> {
  @Module({
    imports: [
      CoreModule.forRoot(config, auditKey),
      DatabaseModule,
      BullModule.forRoot({ connection: { url: config.REDIS_URL, ...redisTlsOptions(config.REDIS_URL) }, prefix: config.SECURITY_EVENTS_PREFIX }),
      // Records each staff grant its routes use (alerts, audit) for the access review.
      GrantUsageModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'monitor' }),
      AuditModule,
      AlertsModule,
      EventsModule,
      EventTraceModule,
    ],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
