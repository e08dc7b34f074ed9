import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { decodeJwt, importSPKI, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificatePemFromDer,
  InternalAssertionError,
  InternalAssertionSigner,
  verifyInternalAssertion,
  type AssertionTarget,
} from './internal-assertion';

const target: AssertionTarget = { audience: 'payment-vault', method: 'POST', path: '/payments/cards' };
const USER = randomUUID();

function rsaPair() {
  // PKCS#1, as the dev PKI writes the service keys.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

async function expectRefused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InternalAssertionError);
  expect((error as Error).message).toMatch(message);
}

describe('internal assertions', () => {
  let signer: InternalAssertionSigner;
  let key: CryptoKey;
  let otherSigner: InternalAssertionSigner;

  beforeAll(async () => {
    const mine = rsaPair();
    signer = await InternalAssertionSigner.fromPrivateKeyPem(mine.privatePem);
    key = await importSPKI(mine.publicPem, 'RS256');
    otherSigner = await InternalAssertionSigner.fromPrivateKeyPem(rsaPair().privatePem);
  });

  it('accepts a fresh assertion for its route and returns the user id', async () => {
    await expect(verifyInternalAssertion(await signer.sign(USER, target), key, target)).resolves.toBe(USER);
  });

  it('carries iss, aud, sub, a 60-second lifetime, a unique jti and the method/path binding', async () => {
    const [a, b] = [decodeJwt(await signer.sign(USER, target)), decodeJwt(await signer.sign(USER, target))];
    expect(a).toMatchObject({ iss: 'gateway', aud: 'payment-vault', sub: USER, htm: 'POST', htu: '/payments/cards' });
    expect(a.exp! - a.iat!).toBe(60);
    expect(a.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.jti).not.toBe(b.jti);
  });

  it('refuses an expired assertion', async () => {
    const token = await signer.sign(USER, target, new Date(Date.now() - 120_000));
    await expectRefused(verifyInternalAssertion(token, key, target), /expired/);
  });

  it('refuses an assertion dated in the future', async () => {
    const token = await signer.sign(USER, target, new Date(Date.now() + 120_000));
    await expectRefused(verifyInternalAssertion(token, key, target), /not valid/);
  });

  it('refuses an assertion signed with another key', async () => {
    await expectRefused(verifyInternalAssertion(await otherSigner.sign(USER, target), key, target), /not valid/);
  });

  it('refuses an assertion for another audience', async () => {
    const token = await signer.sign(USER, { ...target, audience: 'order' });
    await expectRefused(verifyInternalAssertion(token, key, target), /not valid here \(aud\)/);
  });

  it('refuses an assertion for another path or method', async () => {
    const otherPath = await signer.sign(USER, { ...target, path: '/internal/charges' });
    await expectRefused(verifyInternalAssertion(otherPath, key, target), /another route/);
    const otherMethod = await signer.sign(USER, { ...target, method: 'PUT' });
    await expectRefused(verifyInternalAssertion(otherMethod, key, target), /another route/);
  });

  it('refuses an assertion whose subject was tampered with', async () => {
    const [header, payload, signature] = (await signer.sign(USER, target)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url');
    await expectRefused(verifyInternalAssertion(`${header}.${forged}.${signature}`, key, target), /not valid/);
  });

  it('refuses an unsigned (alg none) assertion and garbage', async () => {
    const [, payload] = (await signer.sign(USER, target)).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expectRefused(verifyInternalAssertion(none, key, target), /not valid/);
    await expectRefused(verifyInternalAssertion('not-a-jwt', key, target), /not valid/);
  });

  it('refuses a subject that is not a user id', async () => {
    await expectRefused(verifyInternalAssertion(await signer.sign('admin', target), key, target), /does not name a user/);
  });

  it('refuses a signing key that is not RSA', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(InternalAssertionSigner.fromPrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).rejects.toThrow(InternalAssertionError);
  });

  it('turns DER certificate bytes into PEM with 64-character lines', () => {
    const pem = certificatePemFromDer(Buffer.alloc(100, 1));
    expect(pem.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
    expect(pem.trimEnd().endsWith('-----END CERTIFICATE-----')).toBe(true);
    expect(pem.split('\n')[1]).toHaveLength(64);
  });
});
