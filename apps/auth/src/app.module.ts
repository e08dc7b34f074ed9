import { Module, type Type } from '@nestjs/common';
import { HealthController } from '@storefront/platform/mtls';
import { AccountsModule } from './accounts/accounts.module';
import { AuthConfigModule } from './config/auth-config.module';
import type { AuthConfig } from './config/auth.config';
import { DatabaseModule } from './database/database.module';
import { LoginModule } from './login/login.module';
import { MeModule } from './me/me.module';
import { MfaModule } from './mfa/mfa.module';
import { SeedModule } from './seed/seed.module';
import { SessionsModule } from './sessions/sessions.module';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { SystemModule } from './system/system.module';

/**
 * The auth service's root module, bound to one configuration that was
 * validated before Nest started (main.ts, or a test with its own database
 * and keys). A factory because bootstrapMtlsService takes a module class.
 */
export function createAppModule(config: AuthConfig): Type<unknown> {
  @Module({
    imports: [
      AuthConfigModule.forRoot(config),
      SystemModule,
      DatabaseModule,
      SigningKeysModule,
      AccountsModule,
      SessionsModule,
      MfaModule,
      LoginModule,
      MeModule,
      SeedModule,
    ],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
