import { generate } from 'otplib';
import { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { type AuthTestService, refreshCookieLine, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { MovableClock, RecordingSleeper } from '../test-support/time-doubles';
import { signInWithTotp } from '../test-support/totp-sign-in';

const PASSWORD = 'long enough secret';
const WRONG = 'definitely-not-it';

let ipCounter = 0;
/** A fresh documentation-range source IP per test, so per-source counters never leak between tests. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('sign-in brute-force protection (PCI DSS v4 8.3.4) and security events', () => {
  const clock = new MovableClock();
  const sleeper = new RecordingSleeper();
  let auth: AuthTestService;
  let db: Client;

  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), {}, { clock, sleeper });
    db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await auth?.close();
  });
  beforeEach(() => sleeper.clear());

  async function newAccount(label: string) {
    const email = uniqueEmail(label);
    const res = await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email };
  }
  const login = (email: string, password: string, ip: string) => auth.call('POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
  async function failTimes(email: string, times: number, ip: string) {
    for (let i = 0; i < times; i += 1) expect((await login(email, WRONG, ip)).status).toBe(401);
  }
  /** Staff sign in with TOTP: staff routes need a second-factor proof from the last five minutes. */
  async function staffToken(role: 'support' | 'admin' | 'customer') {
    const staff = await newAccount(role);
    await db.query('update users set roles = $2 where id = $1', [staff.id, [role]]);
    const { accessToken } = await signInWithTotp(auth, { email: staff.email, password: PASSWORD }, { now: () => clock.now(), headers: { 'x-forwarded-for': freshIp() } });
    return accessToken;
  }
  const eventsAbout = async (type: string, match: (e: { actor: { email?: string; userId?: string }; source: { ip?: string }; details: Record<string, unknown> }) => boolean) =>
    (await auth.securityEvents(type)).filter(match);

  it('locks after 10 wrong passwords: the 11th attempt, even with the right password, is 423 ACCOUNT_LOCKED saying when to retry', async () => {
    const account = await newAccount('locked');
    const ip = freshIp();
    await failTimes(account.email, 10, ip);
    const right = await login(account.email, PASSWORD, ip);
    const wrong = await login(account.email, WRONG, ip);
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(right.body.error.message).toMatch(/locked until \d{4}-\d{2}-\d{2}T[\d:.]+Z\. Try again after that time/);
    expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(29 * 60);
    expect(right.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(30 * 60);
    // The lock says nothing about the password: right and wrong get the very same answer, and no session.
    expect(wrong.status).toBe(423);
    expect(wrong.body.error.code).toBe(right.body.error.code);
    expect(wrong.body.error.message).toBe(right.body.error.message);
    expect(refreshCookieLine(right)).toBeUndefined();
    expect(right.body.accessToken).toBeUndefined();
    const { rows } = await db.query('select failed_login_count, locked_until from users where id = $1', [account.id]);
    expect(rows[0].failed_login_count).toBe(10);
    expect(rows[0].locked_until).toBeInstanceOf(Date);
  });

  it('slows each further attempt after the third failure on an account (delays recorded by the injected sleeper)', async () => {
    const account = await newAccount('slowed');
    const ip = freshIp();
    await failTimes(account.email, 3, ip);
    expect(sleeper.delays).toEqual([]);
    await failTimes(account.email, 6, ip);
    expect(sleeper.delays).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    // The delay applies before the password is checked, so the right password waits too.
    sleeper.clear();
    expect((await login(account.email, PASSWORD, ip)).status).toBe(200);
    expect(sleeper.delays).toEqual([5000]);
  });

  it('resets the account counter on a successful sign-in', async () => {
    const account = await newAccount('reset');
    const ip = freshIp();
    await failTimes(account.email, 9, ip);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(200);
    const { rows } = await db.query('select failed_login_count, locked_until from users where id = $1', [account.id]);
    expect(rows[0]).toEqual({ failed_login_count: 0, locked_until: null });
    // Nine more failures do not lock (they would, had the first nine still counted), and carry no delay at first.
    sleeper.clear();
    await failTimes(account.email, 9, ip);
    expect(sleeper.delays[0]).toBe(250);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(200);
  });

  it('treats an email without an account exactly like one: the same delays, then the same 423 after 10 failures', async () => {
    const real = await newAccount('real');
    const nobody = uniqueEmail('ghost');
    const ip = freshIp();
    await failTimes(real.email, 10, ip);
    const realDelays = [...sleeper.delays];
    sleeper.clear();
    await failTimes(nobody, 10, ip);
    expect(sleeper.delays).toEqual(realDelays);
    const realLocked = await login(real.email, PASSWORD, ip);
    const ghostLocked = await login(nobody, PASSWORD, ip);
    expect(ghostLocked.status).toBe(423);
    expect(ghostLocked.body.error.code).toBe(realLocked.body.error.code);
    expect(ghostLocked.body.error.message.replace(/until \S+/, '')).toBe(realLocked.body.error.message.replace(/until \S+/, ''));
  });

  it('lets support staff unlock an account: POST /admin/users/:id/unlock → 200, then the right password works', async () => {
    const account = await newAccount('unlock');
    const ip = freshIp();
    await failTimes(account.email, 10, ip);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(423);
    for (const role of ['support', 'admin'] as const) {
      const res = await auth.call('POST', `/admin/users/${account.id}/unlock`, { bearer: await staffToken(role) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: account.id, locked: false, failedAttempts: 0 });
    }
    expect((await login(account.email, PASSWORD, ip)).status).toBe(200);
  });

  it('refuses the unlock to a customer (403), without a token (401), from another service (403), and answers bad ids with 400/404', async () => {
    const account = await newAccount('unlock-refused');
    const ip = freshIp();
    await failTimes(account.email, 10, ip);
    const customer = await auth.call('POST', `/admin/users/${account.id}/unlock`, { bearer: await staffToken('customer') });
    expect(customer.status).toBe(403);
    expect(customer.body.error.code).toBe('FORBIDDEN');
    const anonymous = await auth.call('POST', `/admin/users/${account.id}/unlock`);
    expect(anonymous.status).toBe(401);
    const support = await staffToken('support');
    const fromOrder = await auth.call('POST', `/admin/users/${account.id}/unlock`, { as: 'order', bearer: support });
    expect(fromOrder.status).toBe(403);
    expect(fromOrder.body.error.code).toBe('CLIENT_NOT_ALLOWED');
    expect((await login(account.email, PASSWORD, ip)).status).toBe(423);

    const notUuid = await auth.call('POST', '/admin/users/not-a-uuid/unlock', { bearer: support });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.code).toBe('VALIDATION_FAILED');
    const unknown = await auth.call('POST', '/admin/users/00000000-0000-4000-8000-000000000000/unlock', { bearer: support });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('slows one source failing against 20+ distinct emails in 10 minutes and reports it as credential stuffing; other sources are not slowed', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i += 1) expect((await login(uniqueEmail('stuffed'), WRONG, ip)).status).toBe(401);
    expect(sleeper.delays).toEqual([]);
    expect((await login(uniqueEmail('stuffed'), WRONG, ip)).status).toBe(401);
    expect((await login(uniqueEmail('stuffed'), WRONG, ip)).status).toBe(401);
    expect(sleeper.delays).toEqual([1000, 2000]);

    sleeper.clear();
    expect((await login(uniqueEmail('bystander'), WRONG, freshIp())).status).toBe(401);
    expect(sleeper.delays).toEqual([]);

    await vi.waitFor(async () => {
      const stuffing = await eventsAbout('auth.login.failed', (e) => e.details.reason === 'credential_stuffing' && e.source.ip === ip);
      expect(stuffing).toHaveLength(1);
      expect(stuffing[0].details).toMatchObject({ distinctEmails: 20, windowMinutes: 10 });
    });
  });

  it('queues auth.login.failed (unknown_email | wrong_password), auth.account.locked and auth.login.succeeded, never with a password', async () => {
    const account = await newAccount('events');
    const ip = freshIp();
    const nobody = uniqueEmail('nobody');
    const unknown = await login(nobody, WRONG, ip);
    await failTimes(account.email, 10, ip);
    expect(unknown.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is not correct.' } });
    const other = await newAccount('events-ok');
    expect((await login(other.email, PASSWORD, ip)).status).toBe(200);

    await vi.waitFor(async () => {
      const unknownEmail = await eventsAbout('auth.login.failed', (e) => e.actor.email === nobody);
      expect(unknownEmail).toEqual([expect.objectContaining({ service: 'auth', outcome: 'failure', source: { ip }, details: { reason: 'unknown_email', failedAttempts: 1 } })]);
      const wrongPassword = await eventsAbout('auth.login.failed', (e) => e.actor.userId === account.id);
      expect(wrongPassword).toHaveLength(10);
      expect(wrongPassword[0]).toMatchObject({ actor: { userId: account.id, email: account.email }, source: { ip }, details: { reason: 'wrong_password' } });
      const locked = await eventsAbout('auth.account.locked', (e) => e.actor.userId === account.id);
      expect(locked).toEqual([expect.objectContaining({ outcome: 'blocked', details: { lockedUntil: expect.any(String), failedAttempts: 10 } })]);
      const succeeded = await eventsAbout('auth.login.succeeded', (e) => e.actor.userId === other.id);
      expect(succeeded).toEqual([expect.objectContaining({ outcome: 'success', source: { ip }, details: { mfa: false } })]);
    });
    const everything = JSON.stringify(await auth.securityEvents());
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(WRONG);
  });

  it('queues auth.mfa.failed for a wrong second factor, without the code', async () => {
    const account = await newAccount('mfa-events');
    const ip = freshIp();
    const first = await login(account.email, PASSWORD, ip);
    const enroll = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: first.body.accessToken });
    const confirm = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: first.body.accessToken, body: { code: await generate({ secret: enroll.body.secret }) } });
    expect(confirm.status).toBe(200);
    const challenge = await login(account.email, PASSWORD, ip);
    const wrongCode = '000000' === (await generate({ secret: enroll.body.secret })) ? '111111' : '000000';
    const res = await auth.call('POST', '/auth/mfa/verify', { body: { mfaToken: challenge.body.mfaToken, code: wrongCode }, headers: { 'x-forwarded-for': ip } });
    expect(res.status).toBe(401);
    await vi.waitFor(async () => {
      const failed = await eventsAbout('auth.mfa.failed', (e) => e.actor.userId === account.id);
      expect(failed).toEqual([expect.objectContaining({ outcome: 'failure', source: { ip }, details: { method: 'totp' } })]);
    });
    expect(JSON.stringify(await auth.securityEvents('auth.mfa.failed'))).not.toContain(challenge.body.mfaToken);
  });

  // Last: it moves the shared clock forward.
  it('unlocks by time: 30 minutes after the lock the right password works again, and the count starts afresh', async () => {
    const account = await newAccount('expires');
    const ip = freshIp();
    await failTimes(account.email, 10, ip);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(423);
    clock.advance(29 * 60_000);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(423);
    clock.advance(60_000 + 1_000);
    sleeper.clear();
    expect((await login(account.email, WRONG, ip)).status).toBe(401);
    expect(sleeper.delays).toEqual([]);
    expect((await login(account.email, PASSWORD, ip)).status).toBe(200);
  });
});

describe('sign-in while Redis is down', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    // Nothing listens on port 1: events and per-source counters are unavailable.
    auth = await startAuthTestService(inject('postgresAdminUrl'), { REDIS_URL: 'redis://127.0.0.1:1' }, { sleeper: new RecordingSleeper() });
  });
  afterAll(async () => auth?.close());

  it('still signs in and still refuses wrong passwords and locks accounts (fails open on Redis, never on the database)', async () => {
    const email = uniqueEmail('redis-down');
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    const headers = { 'x-forwarded-for': '192.0.2.10' };
    const started = Date.now();
    expect((await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD }, headers })).status).toBe(200);
    for (let i = 0; i < 10; i += 1) expect((await auth.call('POST', '/auth/login', { body: { email, password: WRONG }, headers })).status).toBe(401);
    // No stall on Redis: eleven sign-ins in well under the 2 s publish timeout each would cost.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(423);
  });
});
