import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/shopper';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl').replace(/\/$/, ''), inject('tlsDir'));
afterAll(() => api.close());

const PASSWORD = 'long enough secret';

async function account(): Promise<{ email: string }> {
  const email = `security-${randomUUID()}@example.test`;
  const res = await api.call('POST', '/api/auth/register', { body: { email, password: PASSWORD, name: 'E2E Security' } });
  expect(res.status, res.text).toBe(201);
  return { email };
}

async function signInWithCookie(email: string): Promise<{ token: string; cookie: string }> {
  const res = await api.call<{ accessToken: string }>('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
  expect(res.status, res.text).toBe(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((line) => line.startsWith('sf_refresh='))?.split(';')[0] ?? '';
  return { token: res.body.accessToken, cookie };
}

describe('account security through the gateway', () => {
  it('refuses a breached password at registration with 400 PASSWORD_BREACHED and a message that says why', async () => {
    const res = await api.call<{ error: { code: string; message: string } }>('POST', '/api/auth/register', {
      body: { email: `breached-${randomUUID()}@example.test`, password: 'iloveyou1', name: 'E2E' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PASSWORD_BREACHED');
    expect(res.body.error.message).toMatch(/common or breached/);
  });

  it('answers an unknown email and a wrong password identically (status, code, message)', async () => {
    const { email } = await account();
    const wrong = await api.call('POST', '/api/auth/login', { body: { email, password: 'not the password' } });
    const unknown = await api.call('POST', '/api/auth/login', { body: { email: `nobody-${randomUUID()}@example.test`, password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('a password change ends the other sessions at once: their still-unexpired access tokens are refused at the edge', async () => {
    const { email } = await account();
    const here = await signIn(api, email, PASSWORD);
    const elsewhere = await signIn(api, email, PASSWORD);
    expect((await api.call('GET', '/api/cart', { token: elsewhere })).status).toBe(200);

    const res = await api.call<{ otherSessionsEnded: number }>('POST', '/api/auth/password', {
      token: here,
      body: { currentPassword: PASSWORD, newPassword: 'velvet harbour lantern' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.otherSessionsEnded).toBe(1);

    const refused = await api.call<{ error: { code: string; message: string } }>('GET', '/api/cart', { token: elsewhere });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/session has ended/);
    expect((await api.call('GET', '/api/cart', { token: here })).status).toBe(200);
  });

  it('lists signed-in devices and ends one; the ended one is refused everywhere, another user gets 404', async () => {
    const { email } = await account();
    const here = await signIn(api, email, PASSWORD);
    const other = await signIn(api, email, PASSWORD);
    const list = await api.call<{ id: string; current: boolean; device: string }[]>('GET', '/api/auth/sessions', { token: here });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    const otherSession = list.body.find((s) => !s.current);
    expect(otherSession).toBeDefined();

    const stranger = await signIn(api, (await account()).email, PASSWORD);
    expect((await api.call('DELETE', `/api/auth/sessions/${otherSession!.id}`, { token: stranger })).status).toBe(404);

    expect((await api.call('DELETE', `/api/auth/sessions/${otherSession!.id}`, { token: here })).status).toBe(204);
    expect((await api.call('GET', '/api/orders', { token: other })).status).toBe(401);
    expect((await api.call('GET', '/api/me', { token: here })).status).toBe(200);
  });

  it('signing out also stops the access token of that session at the edge', async () => {
    const { email } = await account();
    const { token, cookie } = await signInWithCookie(email);
    expect((await api.call('GET', '/api/me', { token })).status).toBe(200);
    const out = await api.call('POST', '/api/auth/logout', { headers: { cookie, 'x-requested-with': 'storefront' } });
    expect(out.status).toBe(204);
    expect((await api.call('GET', '/api/me', { token })).status).toBe(401);
  });

  it('serves passkey sign-in options without a token, for the store host as RP id', async () => {
    const res = await api.call<{ challenge: string; rpId: string; userVerification: string }>('POST', '/api/auth/passkeys/authentication/options');
    expect(res.status, res.text).toBe(200);
    expect(res.body.rpId).toBe(new URL(inject('baseUrl')).hostname);
    expect(res.body.userVerification).toBe('required');
    expect((await api.call('POST', '/api/auth/passkeys/registration/options')).status).toBe(401);
  });
});
