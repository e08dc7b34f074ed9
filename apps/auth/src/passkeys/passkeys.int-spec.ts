import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import { type AuthTestService, refreshCookie, refreshCookieLine, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { SoftAuthenticator } from '../test-support/soft-authenticator';

const ORIGIN = 'https://shop.example.test:8443';
const PASSWORD = 'long enough secret';

describe('passkeys (WebAuthn): add, list, remove, sign in', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), { PUBLIC_ORIGIN: ORIGIN });
  });
  afterAll(async () => auth?.close());

  async function signedIn(label: string) {
    const email = uniqueEmail(label);
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    const login = await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    return { email, token: login.body.accessToken as string, cookie: refreshCookie(login) };
  }

  async function addPasskey(token: string, authenticator = new SoftAuthenticator(ORIGIN)) {
    const options = await auth.call('POST', '/auth/passkeys/registration/options', { bearer: token });
    expect(options.status).toBe(200);
    const res = await auth.call('POST', '/auth/passkeys/registration/verify', { bearer: token, body: { response: authenticator.create(options.body), name: 'Test key' } });
    return { res, authenticator, options: options.body };
  }

  const signInOptions = async () => (await auth.call('POST', '/auth/passkeys/authentication/options')).body;
  const signIn = (response: Record<string, unknown>) => auth.call('POST', '/auth/passkeys/authentication/verify', { body: { response } });

  it('offers registration options bound to the store: RP id = host, user-verified discoverable credential, ES256 allowed', async () => {
    const { token, email } = await signedIn('options');
    const res = await auth.call('POST', '/auth/passkeys/registration/options', { bearer: token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rp: { id: 'shop.example.test', name: 'Storefront' },
      user: { name: email },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    expect(res.body.pubKeyCredParams).toEqual(expect.arrayContaining([{ type: 'public-key', alg: -7 }]));
    expect(res.body.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('adds a passkey (201), lists it without key material, and emits config.changed passkey.added', async () => {
    const { token, email } = await signedIn('add');
    const { res } = await addPasskey(token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: 'Test key', createdAt: expect.any(String), lastUsedAt: null, backedUp: false });
    const list = await auth.call('GET', '/auth/passkeys', { bearer: token });
    expect(list.body).toEqual([res.body]);
    await eventually(async () => {
      const events = (await auth.securityEvents('config.changed')).filter((e) => e.actor.email === email && e.details.change === 'passkey.added');
      return events.length === 1 ? events : undefined;
    });
  });

  it('signs in with the passkey alone: 200 {accessToken}, the refresh cookie, counted as MFA', async () => {
    const { token, email } = await signedIn('signin');
    const { authenticator } = await addPasskey(token);
    const res = await signIn(authenticator.get(await signInOptions()));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn']);
    expect(refreshCookieLine(res)).toContain('HttpOnly');
    // A user-verified passkey is a second factor: the token says when it was proved (the password sign-in's did not).
    expect(Math.abs((decodeJwt(res.body.accessToken).mfa_at as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(decodeJwt(token)).not.toHaveProperty('mfa_at');
    const me = await auth.call('GET', '/me', { bearer: res.body.accessToken });
    expect(me.body.email).toBe(email);
    await eventually(async () => {
      const events = (await auth.securityEvents('auth.login.succeeded')).filter((e) => e.actor.email === email && e.details.method === 'passkey');
      return events.length === 1 && events[0].details.mfa === true ? events : undefined;
    });
    const list = await auth.call('GET', '/auth/passkeys', { bearer: token });
    expect(list.body[0].lastUsedAt).not.toBeNull();
  });

  it('never accepts a sign-in challenge twice (a replayed response is refused)', async () => {
    const { token } = await signedIn('replay');
    const { authenticator } = await addPasskey(token);
    const options = await signInOptions();
    expect((await signIn(authenticator.get(options))).status).toBe(200);
    const replay = await signIn(authenticator.get(options));
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('PASSKEY_SIGN_IN_FAILED');
  });

  it('refuses a response made for another origin (phishing site), a made-up challenge and an unknown credential', async () => {
    const { token } = await signedIn('phish');
    const { authenticator } = await addPasskey(token);
    const phished = await signIn(authenticator.get(await signInOptions(), { origin: 'https://shop-example.test' }));
    expect(phished.status).toBe(401);
    const invented = await signIn(authenticator.get({ challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0' }));
    expect(invented.status).toBe(401);
    const stranger = await signIn(new SoftAuthenticator(ORIGIN).get(await signInOptions()));
    expect(stranger.status).toBe(401);
    expect(stranger.body.error).toEqual(phished.body.error);
  });

  it('refuses a counter that went backwards (a cloned authenticator)', async () => {
    const { token } = await signedIn('clone');
    const { authenticator } = await addPasskey(token);
    expect((await signIn(authenticator.get(await signInOptions(), { counter: 5 }))).status).toBe(200);
    expect((await signIn(authenticator.get(await signInOptions(), { counter: 3 }))).status).toBe(401);
  });

  it('uses a registration challenge once, refuses a wrong origin, and refuses the same key twice with 409', async () => {
    const { token } = await signedIn('register-refusals');
    const authenticator = new SoftAuthenticator(ORIGIN);
    const options = (await auth.call('POST', '/auth/passkeys/registration/options', { bearer: token })).body;
    const wrongOrigin = await auth.call('POST', '/auth/passkeys/registration/verify', { bearer: token, body: { response: authenticator.create(options, { origin: 'https://evil.test' }) } });
    expect(wrongOrigin.status).toBe(400);
    const spent = await auth.call('POST', '/auth/passkeys/registration/verify', { bearer: token, body: { response: authenticator.create(options) } });
    expect(spent.status).toBe(400);
    expect(spent.body.error.code).toBe('PASSKEY_REGISTRATION_FAILED');
    expect((await addPasskey(token, authenticator)).res.status).toBe(201);
    expect((await addPasskey(token, authenticator)).res.status).toBe(409);
  });

  it('answers malformed responses with 400, never 500', async () => {
    const { token } = await signedIn('malformed');
    await auth.call('POST', '/auth/passkeys/registration/options', { bearer: token });
    for (const body of [{}, { response: 'x' }, { response: { id: 'a', rawId: 'a', type: 'public-key', response: {} } }, { response: {}, extra: 1 }]) {
      const res = await auth.call('POST', '/auth/passkeys/registration/verify', { bearer: token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const bad = await signIn({ id: 'a', type: 'public-key' });
    expect(bad.status).toBe(401);
    expect((await auth.call('POST', '/auth/passkeys/authentication/verify', { body: { response: 7 } })).status).toBe(400);
  });

  it("removes a passkey (204), after which it signs no one in; another user's passkey id is 404", async () => {
    const { token } = await signedIn('remove');
    const { res, authenticator } = await addPasskey(token);
    const other = await signedIn('remove-other');
    expect((await auth.call('DELETE', `/auth/passkeys/${res.body.id}`, { bearer: other.token })).status).toBe(404);
    expect((await auth.call('DELETE', `/auth/passkeys/${res.body.id}`, { bearer: token })).status).toBe(204);
    expect((await auth.call('GET', '/auth/passkeys', { bearer: token })).body).toEqual([]);
    expect((await signIn(authenticator.get(await signInOptions()))).status).toBe(401);
  });

  it('needs a signed-in caller to add or list passkeys (401)', async () => {
    expect((await auth.call('POST', '/auth/passkeys/registration/options')).status).toBe(401);
    expect((await auth.call('GET', '/auth/passkeys')).status).toBe(401);
  });
});
