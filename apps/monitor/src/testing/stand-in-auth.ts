import { Body, Controller, Get, HttpCode, type INestApplication, Module, Param, Post } from '@nestjs/common';
import type { Role } from '@storefront/identity/access';
import { TestTokenIssuer } from '@storefront/identity/testing';
import { AllowedClients, bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';

/**
 * Test support: a tiny auth service on mutual TLS that publishes one ES256
 * key as its JWKS, and signs access tokens with it. Lets the monitor verify
 * real tokens without the real auth service. It also answers auth's
 * `POST /internal/users/:id/lock` (monitor only) and remembers each lock,
 * so a test can see the monitor's lock response arrive.
 */
export interface StandInAuth {
  app: INestApplication;
  baseUrl: string;
  token(roles: Role[], userId?: string): Promise<string>;
  /** user id → requested lock duration in seconds, in the order they arrived. */
  locks: Array<{ userId: string; durationSeconds: number }>;
}

export async function startStandInAuth(tlsDir: string, port: number, allowedClients: string[]): Promise<StandInAuth> {
  const issuer = await TestTokenIssuer.create();
  const locks: StandInAuth['locks'] = [];

  @Controller('.well-known')
  @AllowedClients(...allowedClients)
  class JwksController {
    @Get('jwks.json')
    jwks() {
      return issuer.jwks;
    }
  }

  @Controller('internal/users')
  @AllowedClients('monitor')
  class InternalLockController {
    @Post(':id/lock')
    @HttpCode(200)
    lock(@Param('id') userId: string, @Body() body: { durationSeconds: number }) {
      locks.push({ userId, durationSeconds: body.durationSeconds });
      return { id: userId, lockedUntil: new Date(Date.now() + body.durationSeconds * 1000).toISOString() };
    }
  }

  @Module({ controllers: [JwksController, InternalLockController] })
  class StandInAuthModule {}

  const app = await bootstrapMtlsService({ service: 'auth', module: StandInAuthModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'auth') });
  return {
    app,
    baseUrl: `https://127.0.0.1:${port}`,
    token: (roles, userId) => issuer.token(roles, userId),
    locks,
  };
}
