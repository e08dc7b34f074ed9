import { randomUUID } from 'node:crypto';
import { Controller, Get, Inject, Module, type Type } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type Role } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';

/**
 * Test stand-in for the auth service: publishes one ES256 key as a JWKS
 * over mutual TLS, exactly where the real one does, and mints access tokens
 * with it. The order service verifies them with its real verifier.
 */
export class TokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly jwks: JSONWebKeySet,
    private readonly kid: string,
  ) {}

  static async create(): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = `test-${randomUUID()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    return new TokenIssuer(privateKey, { keys: [jwk] }, kid);
  }

  token(userId: string, roles: Role[] = ['customer']): Promise<string> {
    return new SignJWT({ email: `${userId.slice(0, 8)}@example.com`, roles, sid: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid })
      .setSubject(userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.privateKey);
  }
}

const ISSUER = Symbol('TOKEN_ISSUER');

@Controller('.well-known')
@AllowedClients('order')
class JwksController {
  constructor(@Inject(ISSUER) private readonly issuer: TokenIssuer) {}

  @Get('jwks.json')
  jwks(): JSONWebKeySet {
    return this.issuer.jwks;
  }
}

export function standInAuthModule(issuer: TokenIssuer): Type<unknown> {
  @Module({ controllers: [JwksController], providers: [{ provide: ISSUER, useValue: issuer }] })
  class StandInAuthModule {}
  return StandInAuthModule;
}
