import { Module, type Type } from '@nestjs/common';
import { HealthController } from '@storefront/platform/mtls';
import { AwsJsonModule } from './aws-json/aws-json.module';
import type { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { KmsConfigModule } from './config/config.module';
import type { KmsConfig } from './config/kms.config';
import { DatabaseModule } from './database/database.module';

/**
 * The kms application for one validated configuration. A factory (not a
 * static module) because bootstrapMtlsService takes a module class, and
 * tests start the same app with their own database and root key (and,
 * to test automatic rotation, their own clock).
 */
export function createAppModule(config: KmsConfig, clock?: Clock): Type<unknown> {
  @Module({
    imports: [KmsConfigModule.register(config), CommonModule.register(clock), DatabaseModule, AwsJsonModule],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
