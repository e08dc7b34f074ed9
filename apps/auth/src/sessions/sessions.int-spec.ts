import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashOpaqueToken } from '../tokens/opaque-token';
import { type AuthTestService, refreshCookie, refreshCookieLine, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

describe('refresh sessions (POST /auth/refresh, POST /auth/logout)', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
  });
  afterAll(async () => auth?.close());

  async function signedIn(label: string) {
    const email = uniqueEmail(label);
    const password = 'long enough secret';
    expect((await auth.call('POST', '/auth/register', { body: { email, password, name: 'Ada' } })).status).toBe(201);
    const login = await auth.call('POST', '/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    return { login, cookie: refreshCookie(login) };
  }

  const refresh = (cookie?: string) => auth.call('POST', '/auth/refresh', { cookie });

  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as T[];
    } finally {
      await db.end();
    }
  }

  it('stores only the SHA-256 of the refresh token', async () => {
    const { cookie } = await signedIn('hash');
    const token = cookie.slice('sf_refresh='.length);
    const rows = await query<{ token_hash: string }>('select token_hash from refresh_sessions where token_hash = $1', [hashOpaqueToken(token)]);
    expect(rows).toHaveLength(1);
    expect(await query('select 1 from refresh_sessions where token_hash = $1', [token])).toHaveLength(0);
  });

  it('rotates: a new access token and a new refresh cookie, in the same session (sid)', async () => {
    const { login, cookie } = await signedIn('rotate');
    const res = await refresh(cookie);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn']);
    const next = refreshCookie(res);
    expect(next).not.toBe(cookie);
    expect(refreshCookieLine(res)).toContain('HttpOnly');
    const sid = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
    expect(sid(res.body.accessToken)).toBe(sid(login.body.accessToken));
    expect((await refresh(next)).status).toBe(200);
  });

  it('treats a second use of a rotated token as theft: 401 REFRESH_TOKEN_REUSED and the whole family is revoked', async () => {
    const { cookie: first } = await signedIn('reuse');
    const second = refreshCookie(await refresh(first));
    const third = refreshCookie(await refresh(second));

    const replay = await refresh(first);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookieLine(replay)).toMatch(/^sf_refresh=;/);

    // The legitimate holder's newest token died with the family.
    const newest = await refresh(third);
    expect(newest.status).toBe(401);
    const familyRows = await query<{ revoked_at: Date | null }>(
      'select revoked_at from refresh_sessions where family_id = (select family_id from refresh_sessions where token_hash = $1)',
      [hashOpaqueToken(third.slice('sf_refresh='.length))],
    );
    expect(familyRows).toHaveLength(3);
    expect(familyRows.every((row) => row.revoked_at !== null)).toBe(true);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const { cookie } = await signedIn('race');
    const results = await Promise.all([refresh(cookie), refresh(cookie)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('refuses a missing, malformed or unknown refresh cookie with 401 REFRESH_TOKEN_INVALID', async () => {
    for (const cookie of [undefined, 'sf_refresh=short', `sf_refresh=${'a'.repeat(43)}`, 'other=1']) {
      const res = await refresh(cookie);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    }
  });

  it('signs out: 204, the cookie is cleared with the same attributes, and the token no longer refreshes', async () => {
    const { cookie } = await signedIn('logout');
    const res = await auth.call('POST', '/auth/logout', { cookie });
    expect(res.status).toBe(204);
    const cleared = refreshCookieLine(res);
    expect(cleared).toMatch(/^sf_refresh=; /);
    expect(cleared).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(cleared).toContain('Path=/api/auth');
    const after = await refresh(cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('signs out idempotently: 204 even without a cookie', async () => {
    const res = await auth.call('POST', '/auth/logout');
    expect(res.status).toBe(204);
  });

  it('accepts refresh and logout from the gateway only', async () => {
    const { cookie } = await signedIn('order-refresh');
    expect((await auth.call('POST', '/auth/refresh', { as: 'order', cookie })).status).toBe(403);
    expect((await auth.call('POST', '/auth/logout', { as: 'order', cookie })).status).toBe(403);
  });
});
