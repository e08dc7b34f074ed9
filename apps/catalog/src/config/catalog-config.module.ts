import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CATALOG_CONFIG, type CatalogConfig } from './catalog.config';

/** Makes the already validated configuration injectable everywhere in the catalog. */
@Global()
@Module({})
export class CatalogConfigModule {
  static register(config: CatalogConfig): DynamicModule {
    return { module: CatalogConfigModule, providers: [{ provide: CATALOG_CONFIG, useValue: config }], exports: [CATALOG_CONFIG] };
  }
}
