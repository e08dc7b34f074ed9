import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { signingKeyFromPem } from './signing-key';

const pkcs8 = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('signingKeyFromPem', () => {
  it('publishes only the public half of a P-256 key, with its RFC 7638 thumbprint as kid', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = await signingKeyFromPem(pkcs8(privateKey));
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(key.publicJwk).not.toHaveProperty('d');
    const { kty, crv, x, y } = key.publicJwk;
    expect(key.kid).toBe(await calculateJwkThumbprint({ kty, crv, x, y }, 'sha256'));
  });

  it('refuses an RSA key or a key on another curve', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    await expect(signingKeyFromPem(pkcs8(rsa))).rejects.toThrow(/P-256/);
    await expect(signingKeyFromPem(pkcs8(p384))).rejects.toThrow(/P-256/);
  });

  it('refuses something that is not a PEM key without echoing it', async () => {
    await expect(signingKeyFromPem('not a key: s3cret')).rejects.toThrow(/^the token signing key is not a PEM private key$/);
  });
});
