import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import type { Role } from '@storefront/identity/access';
import { TestTokenIssuer } from '@storefront/identity/testing';
import { AllowedClients, bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';

/**
 * Test support: a tiny auth service on mutual TLS that publishes one ES256
 * key as its JWKS, and signs access tokens with it. Lets the monitor verify
 * real tokens without the real auth service.
 */
export interface StandInAuth {
  app: INestApplication;
  baseUrl: string;
  token(roles: Role[], userId?: string): Promise<string>;
}

export async function startStandInAuth(tlsDir: string, port: number, allowedClients: string[]): Promise<StandInAuth> {
  const issuer = await TestTokenIssuer.create();

  @Controller('.well-known')
  @AllowedClients(...allowedClients)
  class JwksController {
    @Get('jwks.json')
    jwks() {
      return issuer.jwks;
    }
  }

  @Module({ controllers: [JwksController] })
  class StandInAuthModule {}

  const app = await bootstrapMtlsService({ service: 'auth', module: StandInAuthModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'auth') });
  return {
    app,
    baseUrl: `https://127.0.0.1:${port}`,
    token: (roles, userId) => issuer.token(roles, userId),
  };
}
