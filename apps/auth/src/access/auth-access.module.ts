import { Module } from '@nestjs/common';
import { AccessModule } from '@storefront/identity/access';
import { SigningKeys } from '../signing-keys/signing-keys';

/**
 * Bearer-token checks for auth's own routes (/me, MFA enrollment), against
 * its own public keys held in memory: no network call to itself.
 */
const access = AccessModule.register({ useFactory: (keys: SigningKeys) => keys, inject: [SigningKeys] });

@Module({ imports: [access], exports: [access] })
export class AuthAccessModule {}
