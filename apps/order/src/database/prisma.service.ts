import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { ORDER_CONFIG, type OrderConfig } from '../config/order.config';

/** The order service's one database client; repositories are the only classes that use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(ORDER_CONFIG) config: OrderConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.ORDER_DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
