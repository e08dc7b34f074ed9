import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import { type AuthTestService, refreshCookie, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

const PASSWORD = 'long enough secret';
const NEW_PASSWORD = 'velvet harbour lantern';

describe('password change (POST /auth/password)', () => {
  let auth: AuthTestService;
  let redis: Redis;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    redis?.disconnect();
    await auth?.close();
  });

  async function account(label: string) {
    const email = uniqueEmail(label);
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    return email;
  }

  async function signIn(email: string, password = PASSWORD) {
    const res = await auth.call('POST', '/auth/login', { body: { email, password }, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' } });
    expect(res.status).toBe(200);
    const token = res.body.accessToken as string;
    const sid = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string;
    return { token, sid, cookie: refreshCookie(res) };
  }

  // The sid is a fresh UUID, so a pattern finds this test's key whatever prefix the harness chose.
  const revokedKeys = (sid: string) => redis.keys(`*:revoked-session:${sid}`);

  const change = (bearer: string, body: object) => auth.call('POST', '/auth/password', { bearer, body });

  it('changes the password: the old one stops working, the new one signs in, and this session stays', async () => {
    const email = await account('change');
    const here = await signIn(email);
    const res = await change(here.token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ otherSessionsEnded: 0 });
    expect((await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD } })).status).toBe(401);
    await signIn(email, NEW_PASSWORD);
    expect((await auth.call('POST', '/auth/refresh', { cookie: here.cookie })).status).toBe(200);
  });

  it('ends every other session (refresh cookie dead, sid announced as revoked) and keeps the current one', async () => {
    const email = await account('others');
    const here = await signIn(email);
    const laptop = await signIn(email);
    const phone = await signIn(email);
    const res = await change(here.token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.body).toEqual({ otherSessionsEnded: 2 });

    for (const other of [laptop, phone]) {
      expect((await auth.call('POST', '/auth/refresh', { cookie: other.cookie })).status).toBe(401);
      // Their access tokens are refused on account routes at once, and announced to the gateway for the rest of their life.
      expect((await auth.call('GET', '/auth/sessions', { bearer: other.token })).status).toBe(401);
      const [key, ...more] = await revokedKeys(other.sid);
      expect(more).toEqual([]);
      expect(await redis.get(key)).toBe('1');
      expect(await redis.ttl(key)).toBeGreaterThan(500);
      expect(await redis.ttl(key)).toBeLessThanOrEqual(600);
    }
    expect(await revokedKeys(here.sid)).toEqual([]);
    expect((await auth.call('GET', '/auth/sessions', { bearer: here.token })).status).toBe(200);
  });

  it('emits a config.changed security event naming the password change, with nothing secret in it', async () => {
    const email = await account('event');
    const here = await signIn(email);
    expect((await change(here.token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    // Generous deadline: CI runs this beside the migration suite, which keeps both cores busy.
    const events = await eventually(async () => {
      const mine = (await auth.securityEvents('config.changed')).filter((event) => event.actor.email === email);
      return mine.length > 0 ? mine : undefined;
    }, 30_000);
    expect(events).toEqual([expect.objectContaining({ outcome: 'success', details: { change: 'password', otherSessionsEnded: 0 } })]);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password with 400 CURRENT_PASSWORD_INCORRECT and changes nothing', async () => {
    const email = await account('wrong');
    const here = await signIn(email);
    const other = await signIn(email);
    const res = await change(here.token, { currentPassword: 'not the password', newPassword: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'CURRENT_PASSWORD_INCORRECT', message: 'The current password is not correct.' });
    await signIn(email, PASSWORD);
    expect((await auth.call('POST', '/auth/refresh', { cookie: other.cookie })).status).toBe(200);
  });

  it('refuses a breached new password with 400 PASSWORD_BREACHED and keeps the old one', async () => {
    const email = await account('breached');
    const here = await signIn(email);
    const res = await change(here.token, { currentPassword: PASSWORD, newPassword: 'password123' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PASSWORD_BREACHED');
    expect(res.body.error.message).toMatch(/common or breached/);
    await signIn(email, PASSWORD);
  });

  it('validates the body (400, never 500) and needs a bearer token of a live session (401)', async () => {
    const email = await account('validate');
    const here = await signIn(email);
    for (const body of [{ currentPassword: PASSWORD }, { currentPassword: PASSWORD, newPassword: 'short' }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, roles: ['admin'] }]) {
      const res = await change(here.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await auth.call('POST', '/auth/password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(401);
    // Signed out: the access token still verifies, but its session is over.
    expect((await auth.call('POST', '/auth/logout', { cookie: here.cookie })).status).toBe(204);
    const after = await change(here.token, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_ENDED');
  });
});
