import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { MONITOR_CONFIG, type MonitorConfig } from '../config/monitor.config';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

export type Tx = Prisma.TransactionClient;

/** The monitor's one database client, closed on shutdown. Only repositories and UnitOfWork use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(MONITOR_CONFIG) config: MonitorConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.MONITOR_DATABASE_URL }) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
