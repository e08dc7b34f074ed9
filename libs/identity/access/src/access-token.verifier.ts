import { Inject, Injectable } from '@nestjs/common';
import { createLocalJWKSet, errors, jwtVerify } from 'jose';
import { DomainError } from '@storefront/platform/http';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ROLES, type AuthenticatedUser, type Role } from './roles';
import { JWKS_SOURCE, type JwksSource } from './jwks-source';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

function unauthenticated(message: string): DomainError {
  return new DomainError('UNAUTHENTICATED', message, 401);
}

/**
 * Verifies an access token: ES256 only (no `none`, no HMAC confusion),
 * issuer, audience, expiry, and a key from the auth service's JWKS.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(@Inject(JWKS_SOURCE) private readonly jwks: JwksSource) {}

  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      return await this.verifyWith(token, false);
    } catch (error) {
      // A key we have not seen may be a freshly rotated one: refetch once and retry.
      if (error instanceof errors.JWKSNoMatchingKey) return this.verifyWith(token, true).catch((e: unknown) => this.refuse(e));
      return this.refuse(error);
    }
  }

  private async verifyWith(token: string, refresh: boolean): Promise<AuthenticatedUser> {
    const keySet = createLocalJWKSet(await this.jwks.getJwks(refresh));
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat', 'sid'],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)) : [];
    if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || typeof payload.sid !== 'string') {
      throw unauthenticated('The access token is missing required claims.');
    }
    const mfaAt = typeof payload.mfa_at === 'number' && Number.isFinite(payload.mfa_at) ? payload.mfa_at : undefined;
    return { id: payload.sub, email: payload.email, roles, sessionId: payload.sid, ...(mfaAt === undefined ? {} : { mfaAt }) };
  }

  private refuse(error: unknown): never {
    if (error instanceof DomainError) throw error;
    if (error instanceof errors.JWTExpired) throw unauthenticated('The access token has expired; refresh it.');
    if (error instanceof errors.JOSEError) throw unauthenticated('The access token is not valid.');
    throw error;
  }
}
