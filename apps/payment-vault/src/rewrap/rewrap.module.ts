import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { redisTlsOptions } from '@storefront/platform/config';
import { CardVaultModule } from '../card-vault/card-vault.module';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { RewrapController } from './rewrap.controller';
import { RewrapProcessor } from './rewrap.processor';
import { CARD_KEY_REWRAP_QUEUE } from './rewrap.queue';
import { RewrapRepository } from './rewrap.repository';
import { RewrapScheduler } from './rewrap.scheduler';
import { RewrapService } from './rewrap.service';

@Module({
  imports: [
    // The vault zone's own Redis (never the app zone's), under the vault's own prefix; tests give each instance its own.
    BullModule.forRootAsync({
      inject: [VAULT_CONFIG],
      useFactory: (config: VaultConfig) => ({
        connection: { url: config.VAULT_REDIS_URL, ...redisTlsOptions(config.VAULT_REDIS_URL), connectionName: 'payment-vault-rewrap' },
        prefix: config.VAULT_REDIS_PREFIX,
      }),
    }),
    // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor worker.
    BullModule.registerQueue({ name: CARD_KEY_REWRAP_QUEUE }),
    CardVaultModule,
  ],
  controllers: [RewrapController],
  providers: [RewrapRepository, RewrapService, RewrapScheduler, RewrapProcessor],
  exports: [RewrapService],
})
export class RewrapModule {}
