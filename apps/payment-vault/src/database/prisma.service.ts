import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';

/** The vault database client; closed when the app shuts down. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(VAULT_CONFIG) config: VaultConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.VAULT_DATABASE_URL }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
