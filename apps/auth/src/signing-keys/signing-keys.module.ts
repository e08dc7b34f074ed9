import { Global, Module } from '@nestjs/common';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { JwksController } from './jwks.controller';
import { SigningKeys } from './signing-keys';

/** Global so AccessModule's factory (in its own module scope) can inject the keys. */
@Global()
@Module({
  controllers: [JwksController],
  providers: [{ provide: SigningKeys, useFactory: (config: AuthConfig) => SigningKeys.fromFile(config.JWT_SIGNING_KEY_FILE), inject: [AUTH_CONFIG] }],
  exports: [SigningKeys],
})
export class SigningKeysModule {}
