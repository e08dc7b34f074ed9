import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from '@storefront/identity/access';
import { loadAuthConfig } from '../config/auth.config';
import { signingKeyFromPem } from '../signing-keys/signing-key';
import { SigningKeys } from '../signing-keys/signing-keys';
import type { Clock } from '../system/clock';
import { AccessTokenIssuer } from './access-token.issuer';

const NOW = new Date('2026-03-01T12:00:00Z');
const fixedClock = (at: Date): Clock => ({ now: () => at });

async function issuer(ttl?: string, clock = fixedClock(NOW)) {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const keys = SigningKeys.fromKey(await signingKeyFromPem(pem));
  const config = loadAuthConfig({ TLS_DIR: '/tls', AUTH_DATABASE_URL: 'postgresql://a@b/c', JWT_SIGNING_KEY_FILE: '/k.pem', REDIS_URL: 'redis://127.0.0.1:6379', ACCESS_TOKEN_TTL_SECONDS: ttl });
  return { keys, issuer: new AccessTokenIssuer(keys, clock, config) };
}

const subject = { id: '5f0c6f1e-8c4e-4d61-9d43-3b8a1d3c2f10', email: 'ada@example.com', roles: ['customer', 'superuser'] };

describe('AccessTokenIssuer', () => {
  it('signs ES256 with the key thumbprint as kid and the contract claims', async () => {
    const { keys, issuer: tokens } = await issuer();
    const { accessToken, expiresIn } = await tokens.issue(subject, 'family-1');
    expect(decodeProtectedHeader(accessToken)).toEqual({ alg: 'ES256', kid: keys.current().kid, typ: 'at+jwt' });
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ iss: 'storefront-auth', aud: 'storefront', sub: subject.id, email: subject.email, sid: 'family-1' });
    expect(claims.iat).toBe(NOW.getTime() / 1000);
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(expiresIn).toBe(600);
  });

  it('never puts an unknown role into a token', async () => {
    const { issuer: tokens } = await issuer();
    const claims = decodeJwt((await tokens.issue(subject, 'family-1')).accessToken);
    expect(claims.roles).toEqual(['customer']);
  });

  it('states when the session proved a second factor as mfa_at (whole seconds), and nothing when it never did', async () => {
    const { issuer: tokens } = await issuer();
    const proved = decodeJwt((await tokens.issue(subject, 'family-1', new Date('2026-03-01T11:58:20.750Z'))).accessToken);
    expect(proved.mfa_at).toBe(Date.parse('2026-03-01T11:58:20Z') / 1000);
    expect(decodeJwt((await tokens.issue(subject, 'family-1', null)).accessToken)).not.toHaveProperty('mfa_at');
    expect(decodeJwt((await tokens.issue(subject, 'family-1')).accessToken)).not.toHaveProperty('mfa_at');
  });

  it('honours a shorter configured lifetime', async () => {
    const { issuer: tokens } = await issuer('120');
    const { accessToken, expiresIn } = await tokens.issue(subject, 'family-1');
    const claims = decodeJwt(accessToken);
    expect(expiresIn).toBe(120);
    expect(claims.exp! - claims.iat!).toBe(120);
  });

  it('issues tokens the shared verifier accepts against the published JWKS', async () => {
    const { keys, issuer: tokens } = await issuer(undefined, { now: () => new Date() });
    const { accessToken } = await tokens.issue(subject, 'family-1');
    await expect(new AccessTokenVerifier(keys).verify(accessToken)).resolves.toEqual({
      id: subject.id,
      email: subject.email,
      roles: ['customer'],
      sessionId: 'family-1',
    });
  });
});
