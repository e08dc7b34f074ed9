import { Global, Module } from '@nestjs/common';
import { AccessModule, RemoteJwksSource } from '@storefront/identity/access';
import { AuthJwksClient } from './auth-jwks.client';

/** The client first, global, so AccessModule's JWKS factory can inject it. */
@Global()
@Module({ providers: [AuthJwksClient], exports: [AuthJwksClient] })
export class AuthJwksClientModule {}

// A variable rather than an inline literal: register()'s parameter type is an Omit over a union, which rejects literal keys.
const jwksSourceProvider = { useFactory: (client: AuthJwksClient) => new RemoteJwksSource(client.auth), inject: [AuthJwksClient] };

/** Token verification and the permission guard for the catalog's staff routes. */
export const CatalogAccessModule = AccessModule.register(jwksSourceProvider);
