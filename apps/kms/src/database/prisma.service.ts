import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { KMS_CONFIG, type KmsConfig } from '../config/kms.config';

/** The kms database client; closed when the app shuts down. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(KMS_CONFIG) config: KmsConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.KMS_DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
