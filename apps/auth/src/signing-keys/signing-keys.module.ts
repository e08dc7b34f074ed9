import path from 'node:path';
import { Global, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { AdminSigningKeysController } from './admin-signing-keys.controller';
import { JwksController } from './jwks.controller';
import { SigningKeys } from './signing-keys';

// Another replica may rotate: each one re-reads the ring this often (well within the activation delay).
const RELOAD_INTERVAL_MS = 30_000;
// Tokens signed by a superseded key must still verify until they expire, allowing for clock skew.
const CLOCK_SKEW_MS = 60_000;

/** Global so AccessModule's factory (in its own module scope) can inject the keys. */
@Global()
@Module({
  controllers: [JwksController, AdminSigningKeysController],
  providers: [
    {
      provide: SigningKeys,
      useFactory: (config: AuthConfig) =>
        SigningKeys.load({
          initialKeyFile: config.JWT_SIGNING_KEY_FILE,
          directory: config.JWT_SIGNING_KEYS_DIR ?? path.join(path.dirname(config.JWT_SIGNING_KEY_FILE), 'rotated-signing-keys'),
          activationMs: config.JWT_KEY_ACTIVATION_SECONDS * 1000,
          retentionMs: config.ACCESS_TOKEN_TTL_SECONDS * 1000 + CLOCK_SKEW_MS,
        }),
      inject: [AUTH_CONFIG],
    },
  ],
  exports: [SigningKeys],
})
export class SigningKeysModule implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(@Inject(SigningKeys) private readonly keys: SigningKeys) {}

  onModuleInit(): void {
    // A failed reload keeps the ring it had: signing goes on with known keys.
    this.timer = setInterval(() => void this.keys.reload().catch(() => undefined), RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
