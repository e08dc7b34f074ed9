import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AccessTokenVerifier, type JwksSource } from './index';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateKey, jwk };
}

function sign(privateKey: CryptoKey, kid: string, claims: Record<string, unknown> = {}, expiresIn: string | number = '5m') {
  return new SignJWT({ email: 'a@example.com', roles: ['customer', 'wizard'], sid: 'session-1', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('user-1')
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
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
