import { Module, type Type } from '@nestjs/common';
import { GrantUsageModule } from '@storefront/identity/access';
import { SecurityEventsModule } from '@storefront/platform/events';
import { HealthController } from '@storefront/platform/mtls';
import { AuthJwksClientModule, CatalogAccessModule } from './access/catalog-access.module';
import type { CatalogConfig } from './config/catalog.config';
import { CatalogConfigModule } from './config/catalog-config.module';
import { DatabaseModule } from './database/database.module';
import { ProductChangesModule } from './product-changes/product-changes.module';
import { ProductsModule } from './products/products.module';
import { ReservationsModule } from './reservations/reservations.module';
import { SeedModule } from './seed/seed.module';

/** The catalog's root module, built around a configuration validated before Nest starts. */
export function createAppModule(config: CatalogConfig): Type<unknown> {
  @Module({
    imports: [
      CatalogConfigModule.register(config),
      DatabaseModule,
      config.REDIS_URL
        ? SecurityEventsModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'catalog' })
        : SecurityEventsModule.disabled('catalog'),
      // Staff use of catalog:write, for the access review (without Redis, usage goes unrecorded: the guard's listener is optional).
      ...(config.REDIS_URL ? [GrantUsageModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'catalog' })] : []),
      AuthJwksClientModule,
      // Writes check the caller's access token and permission here, not only at the gateway: a service trusts no one.
      CatalogAccessModule,
      ProductsModule,
      ProductChangesModule,
      ReservationsModule,
      SeedModule,
    ],
    controllers: [HealthController],
  })
  class CatalogAppModule {}
  return CatalogAppModule;
}
