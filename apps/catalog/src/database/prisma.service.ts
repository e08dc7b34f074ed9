import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { CATALOG_CONFIG, type CatalogConfig } from '../config/catalog.config';

/** The catalog's one database client; repositories are the only classes that use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(CATALOG_CONFIG) config: CatalogConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.CATALOG_DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
