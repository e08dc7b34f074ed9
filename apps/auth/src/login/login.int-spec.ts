import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, refreshCookieLine, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

describe('sign-in (POST /auth/login), tokens and GET /me', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
  });
  afterAll(async () => auth?.close());

  async function newAccount(label: string, password = 'long enough secret') {
    const email = uniqueEmail(label);
    const res = await auth.call('POST', '/auth/register', { body: { email, password, name: 'Ada Lovelace' } });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email, password };
  }

  it('signs in: 200 {accessToken, expiresIn} with an ES256 token that verifies against the JWKS route', async () => {
    const account = await newAccount('login');
    const res = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password }, headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn']);
    expect(res.body.expiresIn).toBe(600);

    const jwks = await auth.call('GET', '/.well-known/jwks.json', { as: 'order' });
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(jwks.body.keys[0]).not.toHaveProperty('d');

    const { payload, protectedHeader } = await jwtVerify(res.body.accessToken, createLocalJWKSet(jwks.body), {
      algorithms: ['ES256'],
      issuer: 'storefront-auth',
      audience: 'storefront',
    });
    expect(protectedHeader.kid).toBe(jwks.body.keys[0].kid);
    expect(payload).toMatchObject({ sub: account.id, email: account.email, roles: ['customer'], sid: expect.any(String) });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(600);
  });

  it('sets the refresh token as an httpOnly, Secure, SameSite=Strict cookie on Path=/api/auth, never in the body', async () => {
    const account = await newAccount('cookie');
    const res = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    const line = refreshCookieLine(res);
    expect(line).toBeDefined();
    const [pair, ...attributes] = line!.split('; ');
    expect(pair).toMatch(/^sf_refresh=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'Secure', 'SameSite=Strict', 'Max-Age=604800']));
    expect(JSON.stringify(res.body)).not.toContain(pair.slice('sf_refresh='.length));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('matches emails case-insensitively', async () => {
    const account = await newAccount('CaseMix');
    const res = await auth.call('POST', '/auth/login', { body: { email: account.email.toUpperCase(), password: account.password } });
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown email with the identical 401 INVALID_CREDENTIALS and no cookie', async () => {
    const account = await newAccount('enumeration');
    const wrongPassword = await auth.call('POST', '/auth/login', { body: { email: account.email, password: 'not the password' } });
    const unknownEmail = await auth.call('POST', '/auth/login', { body: { email: uniqueEmail('nobody'), password: 'not the password' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is not correct.' } });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(refreshCookieLine(wrongPassword)).toBeUndefined();
    expect(refreshCookieLine(unknownEmail)).toBeUndefined();
  });

  it('refuses unknown fields and missing fields with 400, never 500', async () => {
    const extra = await auth.call('POST', '/auth/login', { body: { email: 'a@example.test', password: 'whatever1', roles: ['admin'] } });
    const missing = await auth.call('POST', '/auth/login', { body: { email: 'a@example.test' } });
    const operator = await auth.call('POST', '/auth/login', { body: { email: { $ne: '' }, password: 'whatever1' } });
    for (const res of [extra, missing, operator]) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('accepts sign-in from the gateway only: 403 CLIENT_NOT_ALLOWED for the order service', async () => {
    const account = await newAccount('order-login');
    const res = await auth.call('POST', '/auth/login', { as: 'order', body: { email: account.email, password: account.password } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CLIENT_NOT_ALLOWED');
  });

  it('serves GET /me for a bearer token: {id,email,name,roles,mfa}', async () => {
    const account = await newAccount('me');
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    const me = await auth.call('GET', '/me', { bearer: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: account.id, email: account.email, name: 'Ada Lovelace', roles: ['customer'], mfa: { totp: false } });
  });

  it('refuses GET /me without a token, with a garbage token and with a token signed by another key (401)', async () => {
    const none = await auth.call('GET', '/me');
    const garbage = await auth.call('GET', '/me', { bearer: 'x'.repeat(40) });
    const account = await newAccount('forged');
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    const [header, payload] = login.body.accessToken.split('.');
    const forged = await auth.call('GET', '/me', { bearer: `${header}.${payload}.${'A'.repeat(86)}` });
    for (const res of [none, garbage, forged]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect(decodeProtectedHeader(login.body.accessToken).alg).toBe('ES256');
  });

  it('serves the JWKS to the verifying services and ops, and to nobody else', async () => {
    for (const as of ['gateway', 'order', 'ops'] as const) expect((await auth.call('GET', '/.well-known/jwks.json', { as })).status).toBe(200);
    const vault = await auth.call('GET', '/.well-known/jwks.json', { as: 'payment-vault' });
    expect(vault.status).toBe(403);
    expect(vault.body.error.code).toBe('CLIENT_NOT_ALLOWED');
  });

  it('keeps GET /me for the gateway only', async () => {
    const res = await auth.call('GET', '/me', { as: 'order' });
    expect(res.status).toBe(403);
  });
});
