import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type Role } from '@storefront/identity/access';

/**
 * Test support for services that verify access tokens without the real auth
 * service: one ES256 key published as a JWKS (serve `jwks` from a stand-in
 * auth), tokens shaped exactly like auth's, and forgeries signed by another
 * key under the same key id.
 */
export interface TokenOptions {
  /** Seconds since the epoch of the last second-factor proof; null for none. Default: now. */
  mfaAt?: number | null;
}

export class TestTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly attackerKey: CryptoKey,
    readonly jwks: JSONWebKeySet,
    private readonly kid: string,
  ) {}

  static async create(): Promise<TestTokenIssuer> {
    const [{ privateKey, publicKey }, attacker] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256')]);
    const kid = `test-${randomUUID()}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    return new TestTokenIssuer(privateKey, attacker.privateKey, { keys: [jwk] }, kid);
  }

  /**
   * A valid access token for `userId` with `roles`. By default the bearer
   * proved a second factor just now (`mfa_at`), so staff routes accept it;
   * pass `{ mfaAt: null }` for a session without MFA, or an older time to test step-up.
   */
  token(roles: Role[] = ['customer'], userId: string = randomUUID(), options: TokenOptions = {}): Promise<string> {
    return this.sign(this.privateKey, roles, userId, options);
  }

  /** The right shape and key id, signed by a key the JWKS does not publish. */
  forgedToken(roles: Role[] = ['admin'], userId: string = randomUUID()): Promise<string> {
    return this.sign(this.attackerKey, roles, userId, {});
  }

  private sign(key: CryptoKey, roles: Role[], userId: string, options: TokenOptions): Promise<string> {
    const mfaAt = options.mfaAt === undefined ? Math.floor(Date.now() / 1000) : options.mfaAt;
    return new SignJWT({ email: `${userId.slice(0, 8)}@example.com`, roles, sid: randomUUID(), ...(mfaAt === null ? {} : { mfa_at: mfaAt }) })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid })
      .setSubject(userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  }
}
