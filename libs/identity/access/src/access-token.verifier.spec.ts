import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AccessTokenVerifier, type JwksSource } from './index';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateKey, jwk };
}

function sign(privateKey: CryptoKey, kid: string, claims: Record<string, unknown> = {}, expiresIn: string | number = '5m', issuer = ACCESS_TOKEN_ISSUER, audience = ACCESS_TOKEN_AUDIENCE) {
  return new SignJWT({ email: 'a@example.com', roles: ['customer', 'wizard'], sid: 'session-1', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('user-1')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

class FixedJwks implements JwksSource {
  refreshes = 0;
  constructor(private keys: JSONWebKeySet['keys'], private next?: JSONWebKeySet['keys']) {}
  async getJwks(refresh = false) {
    if (refresh && this.next) {
      this.refreshes++;
      this.keys = this.next;
    }
    return { keys: this.keys };
  }
}

describe('AccessTokenVerifier', () => {
  it('accepts a token signed by a published key and keeps only known roles', async () => {
    const { privateKey, jwk } = await keyPair('k1');
    const user = await new AccessTokenVerifier(new FixedJwks([jwk])).verify(await sign(privateKey, 'k1'));
    expect(user).toEqual({ id: 'user-1', email: 'a@example.com', roles: ['customer'], sessionId: 'session-1' });
  });

  it('refuses a token signed with a key that is not published', async () => {
    const published = await keyPair('k1');
    const attacker = await keyPair('k1');
    const token = await sign(attacker.privateKey, 'k1');
    await expect(new AccessTokenVerifier(new FixedJwks([published.jwk])).verify(token)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses alg none', async () => {
    const { jwk } = await keyPair('k1');
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'admin', roles: ['admin'], iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, sid: 's', exp: 9999999999, iat: 1 })).toString('base64url');
    await expect(new AccessTokenVerifier(new FixedJwks([jwk])).verify(`${header}.${body}.`)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses HS256 signed with the published public key as the HMAC secret (algorithm confusion)', async () => {
    const { jwk } = await keyPair('k1');
    // The classic confusion: a verifier that lets the token pick its algorithm would check this HMAC with the public key.
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(jwk));
    const forged = await new SignJWT({ email: 'a@example.com', roles: ['admin'], sid: 's' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(publicKeyAsSecret);
    await expect(new AccessTokenVerifier(new FixedJwks([jwk])).verify(forged)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['issuer', 'someone-else', ACCESS_TOKEN_AUDIENCE],
    ['audience', ACCESS_TOKEN_ISSUER, 'another-app'],
  ])('refuses a token with the wrong %s', async (_what, issuer, audience) => {
    const { privateKey, jwk } = await keyPair('k1');
    const token = await sign(privateKey, 'k1', {}, '5m', issuer, audience);
    await expect(new AccessTokenVerifier(new FixedJwks([jwk])).verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const { privateKey, jwk } = await keyPair('k1');
    const [header, , signature] = (await sign(privateKey, 'k1')).split('.');
    const escalated = Buffer.from(
      JSON.stringify({ sub: 'user-1', email: 'a@example.com', roles: ['admin'], sid: 'session-1', iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, iat: 1, exp: 9999999999 }),
    ).toString('base64url');
    await expect(new AccessTokenVerifier(new FixedJwks([jwk])).verify(`${header}.${escalated}.${signature}`)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an expired token with a message that says so', async () => {
    const { privateKey, jwk } = await keyPair('k1');
    const token = await sign(privateKey, 'k1', {}, Math.floor(Date.now() / 1000) - 60);
    await expect(new AccessTokenVerifier(new FixedJwks([jwk])).verify(token)).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/expired/) });
  });

  it('picks up a rotated signing key by refetching the key set once', async () => {
    const old = await keyPair('k1');
    const rotated = await keyPair('k2');
    const source = new FixedJwks([old.jwk], [old.jwk, rotated.jwk]);
    const user = await new AccessTokenVerifier(source).verify(await sign(rotated.privateKey, 'k2'));
    expect(user.id).toBe('user-1');
    expect(source.refreshes).toBe(1);
  });
});
