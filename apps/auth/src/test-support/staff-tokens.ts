import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@storefront/identity/access';
import { SIGNING_ALGORITHM, signingKeyFromPem } from '../signing-keys/signing-key';
import { accessTokenClaims, type TokenSubject } from '../tokens/access-token-claims';

/**
 * Access tokens for a test auth service signed with its own signing key, so
 * a test can act as staff who proved a second factor just now (mfa_at)
 * without enrolling TOTP first. Pass `env` to startAuthTestService.
 */
export class StaffTokens {
  private constructor(
    private readonly pem: string,
    private readonly dir: string,
    readonly env: { JWT_SIGNING_KEY_FILE: string },
  ) {}

  static create(): StaffTokens {
    const dir = mkdtempSync(path.join(tmpdir(), 'storefront-staff-tokens-'));
    const file = path.join(dir, 'jwt-signing-key.pem');
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, pem, { mode: 0o600 });
    return new StaffTokens(pem, dir, { JWT_SIGNING_KEY_FILE: file });
  }

  /** A token for `subject` in login session `sessionId`, shaped exactly like auth's, with mfa_at = now. */
  async token(subject: TokenSubject, sessionId: string): Promise<string> {
    const key = await signingKeyFromPem(this.pem);
    const { sub, ...claims } = accessTokenClaims(subject, sessionId, new Date());
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
