import { randomUUID } from 'node:crypto';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type Role } from '@storefront/identity/access';
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
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = `test-${randomUUID()}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };

  @Controller('.well-known')
  @AllowedClients(...allowedClients)
  class JwksController {
    @Get('jwks.json')
    jwks() {
      return { keys: [jwk] };
    }
  }

  @Module({ controllers: [JwksController] })
  class StandInAuthModule {}

  const app = await bootstrapMtlsService({ service: 'auth', module: StandInAuthModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'auth') });
  return {
    app,
    baseUrl: `https://127.0.0.1:${port}`,
    token: (roles, userId = randomUUID()) =>
      new SignJWT({ email: `${userId.slice(0, 8)}@example.com`, roles, sid: randomUUID() })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(userId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
  };
}

/** A free-ish port for an in-process server; collisions are unlikely in the 20000–40000 range. */
export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
