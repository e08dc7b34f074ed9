import { decodeJwt } from 'jose';
import { generate } from 'otplib';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, refreshCookie, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { MovableClock } from '../test-support/time-doubles';

const PASSWORD = 'long enough secret';
const mfaAtOf = (accessToken: string) => decodeJwt(accessToken).mfa_at;

describe('the mfa_at claim and POST /auth/step-up', () => {
  let auth: AuthTestService;
  const clock = new MovableClock();
  // A code of the clock's current step; each test moves the clock past the step it used (replay protection).
  const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  const nextStep = () => clock.advance(30_000);

  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), {}, { clock });
  });
  afterAll(async () => auth?.close());

  async function passwordOnlyAccount(label: string) {
    const email = uniqueEmail(label);
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    const login = await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD } });
    return { email, accessToken: login.body.accessToken as string, cookie: refreshCookie(login) };
  }

  /** An account with TOTP on, signed in with password + code: its token carries mfa_at. */
  async function totpAccount(label: string) {
    const account = await passwordOnlyAccount(label);
    const { body } = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: account.accessToken });
    const secret = body.secret as string;
    const confirm = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: account.accessToken, body: { code: await codeNow(secret) } });
    expect(confirm.status).toBe(200);
    nextStep();
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: PASSWORD } });
    const verified = await auth.call('POST', '/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code: await codeNow(secret) } });
    expect(verified.status).toBe(200);
    nextStep();
    return { email: account.email, secret, recoveryCodes: confirm.body.recoveryCodes as string[], accessToken: verified.body.accessToken as string, cookie: refreshCookie(verified) };
  }

  const stepUp = (bearer: string, code: string) => auth.call('POST', '/auth/step-up', { bearer, body: { code } });

  it('puts no mfa_at in the token of a session that never proved a second factor', async () => {
    const account = await passwordOnlyAccount('no-mfa');
    expect(decodeJwt(account.accessToken)).not.toHaveProperty('mfa_at');
    const refreshed = await auth.call('POST', '/auth/refresh', { cookie: account.cookie });
    expect(decodeJwt(refreshed.body.accessToken)).not.toHaveProperty('mfa_at');
  });

  it('puts mfa_at (seconds since the epoch, the moment of the TOTP sign-in) in the token, and keeps it across refresh rotations', async () => {
    const before = Math.floor(clock.now().getTime() / 1000);
    const account = await totpAccount('claim');
    const mfaAt = mfaAtOf(account.accessToken);
    expect(mfaAt).toBeGreaterThanOrEqual(before);
    expect(mfaAt).toBeLessThanOrEqual(Math.floor(clock.now().getTime() / 1000));

    clock.advance(10 * 60_000);
    const first = await auth.call('POST', '/auth/refresh', { cookie: account.cookie });
    const second = await auth.call('POST', '/auth/refresh', { cookie: refreshCookie(first) });
    expect(second.status).toBe(200);
    // The proof keeps its age: a refresh is not a second factor.
    expect(mfaAtOf(second.body.accessToken)).toBe(mfaAt);
  });

  it('answers a fresh access token with a new mfa_at for a current TOTP code, and records it on the session for later refreshes', async () => {
    const account = await totpAccount('step-up');
    const old = mfaAtOf(account.accessToken) as number;
    clock.advance(10 * 60_000);
    const res = await stepUp(account.accessToken, await codeNow(account.secret));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
    const fresh = decodeJwt(res.body.accessToken);
    expect(fresh.mfa_at).toBeGreaterThanOrEqual(old + 600);
    expect(fresh.sid).toBe(decodeJwt(account.accessToken).sid);

    const refreshed = await auth.call('POST', '/auth/refresh', { cookie: account.cookie });
    expect(mfaAtOf(refreshed.body.accessToken)).toBe(fresh.mfa_at);
  });

  it('accepts a recovery code once', async () => {
    const account = await totpAccount('step-up-recovery');
    const [recoveryCode] = account.recoveryCodes;
    expect((await stepUp(account.accessToken, recoveryCode)).status).toBe(200);
    const again = await stepUp(account.accessToken, recoveryCode);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('MFA_CODE_INVALID');
  });

  it('refuses a replayed code and a wrong one with 401 MFA_CODE_INVALID, reports them and counts them towards the account lock', async () => {
    const account = await totpAccount('step-up-replay');
    const code = await codeNow(account.secret);
    expect((await stepUp(account.accessToken, code)).status).toBe(200);
    const replay = await stepUp(account.accessToken, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('MFA_CODE_INVALID');
    const wrong = await stepUp(account.accessToken, String((Number(code) + 500_000) % 1_000_000).padStart(6, '0'));
    expect(wrong.status).toBe(401);

    const failures = (await auth.securityEvents('auth.mfa.failed')).filter((event) => event.actor?.userId === decodeJwt(account.accessToken).sub);
    expect(failures).toHaveLength(2);
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ failed_login_count: number }>('select failed_login_count from users where email = $1', [account.email]);
    await db.end();
    expect(rows[0].failed_login_count).toBe(2);
  });

  it('tells an account without MFA to set it up: 409 MFA_NOT_ENROLLED', async () => {
    const account = await passwordOnlyAccount('step-up-none');
    const res = await stepUp(account.accessToken, '123456');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MFA_NOT_ENROLLED');
    expect(res.body.error.message).toMatch(/set one up/i);
  });

  it('needs a bearer token and a code of the right shape', async () => {
    expect((await auth.call('POST', '/auth/step-up', { body: { code: '123456' } })).status).toBe(401);
    const account = await passwordOnlyAccount('step-up-shape');
    const res = await auth.call('POST', '/auth/step-up', { bearer: account.accessToken, body: { code: 12 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
