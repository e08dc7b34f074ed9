import { Module } from '@nestjs/common';
import { AccessModule, RemoteJwksSource } from '@storefront/identity/access';
import { AuthClient } from './auth-client';

/**
 * Token verification for the staff views, registered once so every feature
 * shares one JWKS cache. The monitor checks the caller itself even though
 * only the gateway may call it: a service trusts no one.
 */
@Module({ imports: [AccessModule.register({ useFactory: (auth: AuthClient) => new RemoteJwksSource(auth.client), inject: [AuthClient] })], exports: [AccessModule] })
export class StaffAccessModule {}
