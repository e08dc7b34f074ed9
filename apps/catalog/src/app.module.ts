import { Module, type Type } from '@nestjs/common';
import { HealthController } from '@storefront/platform/mtls';
import type { CatalogConfig } from './config/catalog.config';
import { CatalogConfigModule } from './config/catalog-config.module';
import { DatabaseModule } from './database/database.module';
import { ProductsModule } from './products/products.module';
import { ReservationsModule } from './reservations/reservations.module';
import { SeedModule } from './seed/seed.module';

/** The catalog's root module, built around a configuration validated before Nest starts. */
export function createAppModule(config: CatalogConfig): Type<unknown> {
  @Module({
    imports: [CatalogConfigModule.register(config), DatabaseModule, ProductsModule, ReservationsModule, SeedModule],
    controllers: [HealthController],
  })
  class CatalogAppModule {}
  return CatalogAppModule;
}
