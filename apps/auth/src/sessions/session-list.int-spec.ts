import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, refreshCookie, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

const PASSWORD = 'long enough secret';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

describe('signed-in devices (GET /auth/sessions, DELETE /auth/sessions/:id)', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
  });
  afterAll(async () => auth?.close());

  async function account(label: string) {
    const email = uniqueEmail(label);
    expect((await auth.call('POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } })).status).toBe(201);
    return email;
  }

  async function signIn(email: string, userAgent: string, ip: string) {
    const res = await auth.call('POST', '/auth/login', { body: { email, password: PASSWORD }, headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } });
    expect(res.status).toBe(200);
    const token = res.body.accessToken as string;
    return { token, sid: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string, cookie: refreshCookie(res) };
  }

  it('lists the active sessions with device, IP, times and which one is current', async () => {
    const email = await account('list');
    const laptop = await signIn(email, FIREFOX, '203.0.113.10');
    const phone = await signIn(email, CHROME_ANDROID, '198.51.100.20');
    const res = await auth.call('GET', '/auth/sessions', { bearer: laptop.token });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const byId = new Map(res.body.map((s: { id: string }) => [s.id, s]));
    expect(byId.size).toBe(2);
    expect(byId.get(laptop.sid)).toEqual({ id: laptop.sid, device: 'Firefox on Linux', ip: '203.0.113.10', createdAt: expect.any(String), lastSeenAt: expect.any(String), current: true });
    expect(byId.get(phone.sid)).toMatchObject({ device: 'Chrome on Android', ip: '198.51.100.20', current: false });
  });

  it('records the device, IP and last-seen time again at each refresh, keeping the start time', async () => {
    const email = await account('refresh');
    const session = await signIn(email, FIREFOX, '203.0.113.10');
    const before = (await auth.call('GET', '/auth/sessions', { bearer: session.token })).body[0];
    const refreshed = await auth.call('POST', '/auth/refresh', { cookie: session.cookie, headers: { 'user-agent': CHROME_ANDROID, 'x-forwarded-for': '192.0.2.99' } });
    expect(refreshed.status).toBe(200);
    const after = (await auth.call('GET', '/auth/sessions', { bearer: refreshed.body.accessToken })).body;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: session.sid, device: 'Chrome on Android', ip: '192.0.2.99', createdAt: before.createdAt, current: true });
    expect(Date.parse(after[0].lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(before.lastSeenAt));
  });

  it('ends one session: 204, its refresh cookie dies, it leaves the list, the others stay', async () => {
    const email = await account('end');
    const laptop = await signIn(email, FIREFOX, '203.0.113.10');
    const phone = await signIn(email, CHROME_ANDROID, '198.51.100.20');
    const res = await auth.call('DELETE', `/auth/sessions/${phone.sid}`, { bearer: laptop.token });
    expect(res.status).toBe(204);
    expect((await auth.call('POST', '/auth/refresh', { cookie: phone.cookie })).status).toBe(401);
    expect((await auth.call('GET', '/auth/sessions', { bearer: phone.token })).status).toBe(401);
    const list = await auth.call('GET', '/auth/sessions', { bearer: laptop.token });
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([laptop.sid]);
    const again = await auth.call('DELETE', `/auth/sessions/${phone.sid}`, { bearer: laptop.token });
    expect(again.status).toBe(404);
  });

  it("answers another user's session id with 404 SESSION_NOT_FOUND and leaves it alone", async () => {
    const mallory = await signIn(await account('mallory'), FIREFOX, '203.0.113.66');
    const victim = await signIn(await account('victim'), FIREFOX, '203.0.113.10');
    const res = await auth.call('DELETE', `/auth/sessions/${victim.sid}`, { bearer: mallory.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SESSION_NOT_FOUND');
    expect((await auth.call('POST', '/auth/refresh', { cookie: victim.cookie })).status).toBe(200);
  });

  it('refuses a malformed id with 400 and a missing token with 401', async () => {
    const session = await signIn(await account('bad'), FIREFOX, '203.0.113.10');
    const res = await auth.call('DELETE', '/auth/sessions/not-a-uuid', { bearer: session.token });
    expect(res.status).toBe(400);
    expect((await auth.call('GET', '/auth/sessions')).status).toBe(401);
  });
});
