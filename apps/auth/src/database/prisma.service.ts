import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { PrismaClient } from '../generated/prisma/client';

/** The auth database client; only *.repository.ts files inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.AUTH_DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
