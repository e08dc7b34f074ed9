import { Module, type Type } from '@nestjs/common';
import { GrantUsageModule } from '@storefront/identity/access';
import { SecurityEventsModule } from '@storefront/platform/events';
import { HealthController } from '@storefront/platform/mtls';
import { AccessReviewModule } from './access-review/access-review.module';
import { AccountsModule } from './accounts/accounts.module';
import { AuthConfigModule } from './config/auth-config.module';
import type { AuthConfig } from './config/auth.config';
import { DatabaseModule } from './database/database.module';
import { LoginModule } from './login/login.module';
import { MeModule } from './me/me.module';
import { MfaModule } from './mfa/mfa.module';
import { PasskeysModule } from './passkeys/passkeys.module';
import { PasswordChangeModule } from './password-change/password-change.module';
import { AuthRedisModule } from './redis/auth-redis.module';
import { AuthSecurityEventsModule } from './security-events/auth-security-events.module';
import { SeedModule } from './seed/seed.module';
import { SessionsModule } from './sessions/sessions.module';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { SignInProtectionModule } from './sign-in-protection/sign-in-protection.module';
import { StepUpModule } from './step-up/step-up.module';
import { type SystemOverrides, SystemModule } from './system/system.module';

/**
 * The auth service's root module, bound to one configuration that was
 * validated before Nest started (main.ts, or a test with its own database
 * and keys). A factory because bootstrapMtlsService takes a module class.
 * `system` lets tests move the clock and record sign-in delays; main.ts never passes it.
 */
export function createAppModule(config: AuthConfig, system: SystemOverrides = {}): Type<unknown> {
  @Module({
    imports: [
      AuthConfigModule.forRoot(config),
      SystemModule.forRoot(system),
      SecurityEventsModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'auth' }),
      AuthSecurityEventsModule,
      AuthRedisModule,
      // Records each staff grant its routes use (signing keys, unlock, access reviews) for the access review.
      GrantUsageModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'auth' }),
      DatabaseModule,
      SigningKeysModule,
      AccountsModule,
      SessionsModule,
      MfaModule,
      SignInProtectionModule,
      LoginModule,
      StepUpModule,
      PasswordChangeModule,
      PasskeysModule,
      MeModule,
      SeedModule,
      AccessReviewModule,
    ],
    controllers: [HealthController],
  })
  class AppModule {}
  return AppModule;
}
