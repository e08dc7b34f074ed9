import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@storefront/identity/access';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { SigningKeys } from '../signing-keys/signing-keys';
import { SIGNING_ALGORITHM } from '../signing-keys/signing-key';
import { Clock } from '../system/clock';
import { accessTokenClaims, type TokenSubject } from './access-token-claims';

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until the token expires, as clients expect next to it. */
  expiresIn: number;
}

/** Signs short-lived ES256 access tokens that every service verifies against the JWKS. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** `mfaAt`: when the session last proved a second factor (becomes the mfa_at claim); absent if it never did. */
  async issue(subject: TokenSubject, sessionId: string, mfaAt?: Date | null): Promise<IssuedAccessToken> {
    const key = this.keys.current();
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const { sub, ...claims } = accessTokenClaims(subject, sessionId, mfaAt);
    const accessToken = await new SignJWT({ ...claims })
      // typ per RFC 9068, so an access token cannot pass for another kind of JWT.
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .sign(key.privateKey);
    return { accessToken, expiresIn };
  }
}
