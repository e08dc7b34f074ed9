import { decodeJwt } from 'jose';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, refreshCookie, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { SoftAuthenticator } from '../test-support/soft-authenticator';
import { MovableClock, RecordingSleeper } from '../test-support/time-doubles';
import { signInWithTotp } from '../test-support/totp-sign-in';

const ORIGIN = 'https://shop.example.test:8443';
const PASSWORD = 'long enough secret';
const mfaAtOf = (accessToken: string) => decodeJwt(accessToken).mfa_at as number | undefined;

describe('POST /auth/step-up/passkey (step-up with one of the caller’s own passkeys)', () => {
  let auth: AuthTestService;
  const clock = new MovableClock();

  beforeAll(async () => {
    // Repeated refusals slow the account down: recorded, not waited for.
    auth = await startAuthTestService(inject('postgresAdminUrl'), { PUBLIC_ORIGIN: ORIGIN }, { clock, sleeper: new RecordingSleeper() });
  });
  afterAll(async () => auth?.close());

  /** A customer signed in with the password alone: the session has no second-factor proof yet. */
  async function passwordSession(label: string) {
    const email = uniqueEmail(label);
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    const login = await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    return { email, accessToken: login.body.accessToken as string, cookie: refreshCookie(login) };
  }

  /** A passkey-only account (no authenticator app), still in its password-only session. */
  async function passkeyOnlyAccount(label: string) {
    const account = await passwordSession(label);
    const authenticator = new SoftAuthenticator(ORIGIN);
    const options = await auth.call('POST', '/auth/passkeys/registration/options', { bearer: account.accessToken });
    const added = await auth.call('POST', '/auth/passkeys/registration/verify', { bearer: account.accessToken, body: { response: authenticator.create(options.body) } });
    expect(added.status).toBe(201);
    return { ...account, authenticator };
  }

  const options = (bearer: string) => auth.call('POST', '/auth/step-up/passkey/options', { bearer });
  const stepUp = (bearer: string, response: Record<string, unknown>) => auth.call('POST', '/auth/step-up/passkey', { bearer, body: { response } });

  async function failedSignInsOf(email: string): Promise<number> {
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    try {
      return (await db.query<{ failed_login_count: number }>('select failed_login_count from users where email = $1', [email])).rows[0].failed_login_count;
    } finally {
      await db.end();
    }
  }

  async function passkeyFailuresOf(accessToken: string) {
    const userId = decodeJwt(accessToken).sub;
    return (await auth.securityEvents('auth.mfa.failed')).filter((event) => event.actor?.userId === userId && event.details.method === 'passkey');
  }

  it('offers options restricted to the caller’s own passkeys, user verification required', async () => {
    const account = await passkeyOnlyAccount('options');
    await passkeyOnlyAccount('options-other'); // a passkey of the same site that must not be offered
    const res = await options(account.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ rpId: 'shop.example.test', userVerification: 'required' });
    expect(res.body.allowCredentials).toEqual([expect.objectContaining({ id: account.authenticator.credentialId.toString('base64url'), type: 'public-key' })]);
    expect(res.body.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('answers a fresh access token whose mfa_at is newer, for the same session, kept across refreshes; the passkey counter moves', async () => {
    const account = await passkeyOnlyAccount('success');
    expect(mfaAtOf(account.accessToken)).toBeUndefined();
    const first = await stepUp(account.accessToken, account.authenticator.get((await options(account.accessToken)).body));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    const firstMfaAt = mfaAtOf(first.body.accessToken) as number;
    expect(Math.abs(firstMfaAt - clock.now().getTime() / 1000)).toBeLessThan(60);

    clock.advance(10 * 60_000);
    const second = await stepUp(first.body.accessToken, account.authenticator.get((await options(first.body.accessToken)).body));
    expect(second.status).toBe(200);
    expect(mfaAtOf(second.body.accessToken)).toBeGreaterThanOrEqual(firstMfaAt + 600);
    expect(decodeJwt(second.body.accessToken).sid).toBe(decodeJwt(account.accessToken).sid);
    const refreshed = await auth.call('POST', '/auth/refresh', { cookie: account.cookie });
    expect(mfaAtOf(refreshed.body.accessToken)).toBe(mfaAtOf(second.body.accessToken));
    const [passkey] = (await auth.call('GET', '/auth/passkeys', { bearer: second.body.accessToken })).body;
    expect(passkey.lastUsedAt).not.toBeNull();
  });

  it('refuses another account’s passkey with 401 PASSKEY_STEP_UP_FAILED, reports it and counts it towards the caller’s lock', async () => {
    const caller = await passkeyOnlyAccount('foreign-key');
    const owner = await passkeyOnlyAccount('foreign-key-owner');
    const response = owner.authenticator.get((await options(caller.accessToken)).body) as { response: { userHandle?: string } };
    // Without the (optional) user handle too: the credential's owner alone decides.
    delete response.response.userHandle;
    const res = await stepUp(caller.accessToken, response);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('PASSKEY_STEP_UP_FAILED');
    expect(await failedSignInsOf(caller.email)).toBe(1);
    expect(await passkeyFailuresOf(caller.accessToken)).toHaveLength(1);
    // The owner's passkey was not used, so its counter did not move.
    expect((await auth.call('GET', '/auth/passkeys', { bearer: owner.accessToken })).body[0].lastUsedAt).toBeNull();
  });

  it('never accepts a step-up challenge twice: a replayed response is refused and counted', async () => {
    const account = await passkeyOnlyAccount('replay');
    const challenge = (await options(account.accessToken)).body;
    expect((await stepUp(account.accessToken, account.authenticator.get(challenge))).status).toBe(200);
    const replay = await stepUp(account.accessToken, account.authenticator.get(challenge));
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('PASSKEY_STEP_UP_FAILED');
    expect(await failedSignInsOf(account.email)).toBe(1);
  });

  it('refuses a challenge issued to another account, a sign-in challenge, a made-up one and a wrong origin', async () => {
    const account = await passkeyOnlyAccount('foreign-challenge');
    const other = await passkeyOnlyAccount('foreign-challenge-other');
    const othersChallenge = (await options(other.accessToken)).body;
    const signInChallenge = (await auth.call('POST', '/auth/passkeys/authentication/options')).body;
    const refused = [
      await stepUp(account.accessToken, account.authenticator.get(othersChallenge)),
      await stepUp(account.accessToken, account.authenticator.get(signInChallenge)),
      await stepUp(account.accessToken, account.authenticator.get({ challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0' })),
      await stepUp(account.accessToken, account.authenticator.get((await options(account.accessToken)).body, { origin: 'https://shop-example.test' })),
    ];
    expect(refused.map((res) => [res.status, res.body.error?.code])).toEqual(Array(4).fill([401, 'PASSKEY_STEP_UP_FAILED']));
    expect(await failedSignInsOf(account.email)).toBe(4);
    // The other account's challenge was not spent by the attempt: it still serves its owner.
    expect((await stepUp(other.accessToken, other.authenticator.get(othersChallenge))).status).toBe(200);
  });

  it('refuses a locked account with 423 before looking at the passkey', async () => {
    const account = await passkeyOnlyAccount('locked');
    for (let i = 0; i < 10; i++) await stepUp(account.accessToken, account.authenticator.get({ challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0' }));
    const res = await stepUp(account.accessToken, account.authenticator.get((await options(account.accessToken)).body));
    expect(res.status).toBe(423);
    expect(res.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('tells an account with neither a passkey nor an authenticator app to set one up: 409 MFA_NOT_ENROLLED', async () => {
    const account = await passwordSession('none');
    for (const res of [await options(account.accessToken), await stepUp(account.accessToken, new SoftAuthenticator(ORIGIN).get({ challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0' }))]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('MFA_NOT_ENROLLED');
      expect(res.body.error.message).toMatch(/set one up/i);
    }
    expect(await failedSignInsOf(account.email)).toBe(0);
  });

  it('points each account at the factor it has: a code for a passkey-only account is 409 TOTP_NOT_ENROLLED, passkey options for a TOTP-only one 409 PASSKEY_NOT_ENROLLED', async () => {
    const passkeyOnly = await passkeyOnlyAccount('which-factor');
    const code = await auth.call('POST', '/auth/step-up', { bearer: passkeyOnly.accessToken, body: { code: '123456' } });
    expect([code.status, code.body.error.code]).toEqual([409, 'TOTP_NOT_ENROLLED']);
    expect(await failedSignInsOf(passkeyOnly.email)).toBe(0);

    const email = uniqueEmail('which-factor-totp');
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    const { accessToken } = await signInWithTotp(auth, { email, password: PASSWORD }, { now: () => clock.now() });
    const passkeyOptions = await options(accessToken);
    expect([passkeyOptions.status, passkeyOptions.body.error.code]).toEqual([409, 'PASSKEY_NOT_ENROLLED']);
  });

  it('needs a bearer token, and answers a malformed body with 400 and a malformed response with 401, never 500', async () => {
    expect((await auth.call('POST', '/auth/step-up/passkey/options')).status).toBe(401);
    expect((await auth.call('POST', '/auth/step-up/passkey', { body: { response: {} } })).status).toBe(401);
    const account = await passkeyOnlyAccount('malformed');
    for (const body of [{}, { response: 7 }, { response: {}, extra: 1 }]) {
      const res = await auth.call('POST', '/auth/step-up/passkey', { bearer: account.accessToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const shapeless = await stepUp(account.accessToken, { id: 'a', type: 'public-key', response: { signature: { $ne: '' } } });
    expect([shapeless.status, shapeless.body.error.code]).toEqual([401, 'PASSKEY_STEP_UP_FAILED']);
  });
});
