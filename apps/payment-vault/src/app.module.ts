import { Module, type Type } from '@nestjs/common';
import { HealthController } from '@storefront/platform/mtls';
import { CardsModule } from './cards/cards.module';
import { ChargesModule } from './charges/charges.module';
import { CommonModule } from './common/common.module';
import { VaultConfigModule } from './config/config.module';
import type { VaultConfig } from './config/payment-vault.config';
import { DatabaseModule } from './database/database.module';
import { KeyAdminModule } from './key-admin/key-admin.module';
import { RewrapModule } from './rewrap/rewrap.module';
import { VaultSecurityEventsModule } from './security-events/vault-security-events.module';

/**
 * The payment vault for one validated configuration. A factory (not a
 * static module) because bootstrapMtlsService takes a module class, and
 * tests start the same app against their own database and KMS.
 */
export function createAppModule(config: VaultConfig): Type<unknown> {
  @Module({
    imports: [VaultConfigModule.register(config), CommonModule, DatabaseModule, VaultSecurityEventsModule.register(config), CardsModule, ChargesModule, RewrapModule, KeyAdminModule],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
