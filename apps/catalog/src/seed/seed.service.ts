import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CATALOG_CONFIG, type CatalogConfig } from '../config/catalog.config';
import { SEED_PRODUCTS } from './products.seed';
import { SeedRepository } from './seed.repository';

/** Seeds the demo catalog at startup when asked to (SEED_DEMO_DATA=true); idempotent. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
    private readonly seed: SeedRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO_DATA) return;
    const inserted = await this.seed.insertIfEmpty(SEED_PRODUCTS);
    this.logger.log({ inserted }, inserted ? 'demo products seeded' : 'demo products already present');
  }
}
