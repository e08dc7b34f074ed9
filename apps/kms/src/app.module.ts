import { Global, Module, type Type } from '@nestjs/common';
import { type AccessDeniedPublisher, HealthController, SECURITY_EVENT_PUBLISHER_PROVIDER } from '@storefront/platform/mtls';
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
 *
 * `securityEvents`: the kms sits in the vault zone with no route to the
 * monitor, so in the stack it only logs refusals; a test passes a publisher
 * to see the access.permission.denied events both guards would send.
 */
export function createAppModule(config: KmsConfig, clock?: Clock, securityEvents?: AccessDeniedPublisher): Type<unknown> {
  @Global()
  @Module({
    providers: securityEvents ? [{ provide: SECURITY_EVENT_PUBLISHER_PROVIDER, useValue: securityEvents }] : [],
    exports: securityEvents ? [SECURITY_EVENT_PUBLISHER_PROVIDER] : [],
  })
  class KmsSecurityEventsModule {}

  @Module({
    imports: [KmsConfigModule.register(config), CommonModule.register(clock), KmsSecurityEventsModule, DatabaseModule, AwsJsonModule],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
