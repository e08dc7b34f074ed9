import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

describe('registration (POST /auth/register)', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
  });
  afterAll(async () => auth?.close());

  const register = (body: object) => auth.call('POST', '/auth/register', { body });

  it('creates a customer account: 201 {id,email,name}, email lowercased, nothing else returned', async () => {
    const email = uniqueEmail('New.Customer');
    const res = await register({ email: email.toUpperCase(), password: 'long enough secret', name: 'Ada' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: email.toLowerCase(), name: 'Ada' });
  });

  it('stores an argon2id hash with role customer, never the password', async () => {
    const email = uniqueEmail('stored');
    const { body } = await register({ email, password: 'long enough secret', name: 'Ada' });
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    const { rows } = await db.query('select password_hash, roles from users where id = $1', [body.id]);
    await db.end();
    expect(rows[0].roles).toEqual(['customer']);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain('long enough secret');
  });

  it('refuses a second account for the same email, whatever its case, with 409 EMAIL_TAKEN', async () => {
    const email = uniqueEmail('dup');
    expect((await register({ email, password: 'long enough secret', name: 'First' })).status).toBe(201);
    const again = await register({ email: email.toUpperCase(), password: 'another secret!!', name: 'Second' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { code: 'EMAIL_TAKEN', message: expect.any(String) } });
  });

  it('refuses a role in the body with 400 VALIDATION_FAILED (roles are never taken from input)', async () => {
    const res = await register({ email: uniqueEmail('admin-wannabe'), password: 'long enough secret', name: 'Mallory', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields).toHaveProperty('role');
  });

  it('refuses a malformed email with 400 VALIDATION_FAILED', async () => {
    const res = await register({ email: 'not-an-email', password: 'long enough secret', name: 'Ada' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.fields).toHaveProperty('email');
  });

  it('refuses passwords shorter than 8 or longer than 64 characters and names outside 1..100', async () => {
    for (const body of [
      { email: uniqueEmail('short'), password: 'seven77', name: 'Ada' },
      { email: uniqueEmail('long'), password: 'x'.repeat(65), name: 'Ada' },
      { email: uniqueEmail('noname'), password: 'long enough secret', name: '' },
      { email: uniqueEmail('bigname'), password: 'long enough secret', name: 'n'.repeat(101) },
      { email: `${'a'.repeat(250)}@example.test`, password: 'long enough secret', name: 'Ada' },
      { email: uniqueEmail('types'), password: 12345678, name: 'Ada' },
    ]) {
      const res = await register(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a common or breached password with 400 PASSWORD_BREACHED, says why, and creates no account', async () => {
    const email = uniqueEmail('breached');
    const res = await register({ email, password: 'iloveyou1', name: 'Ada' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PASSWORD_BREACHED');
    expect(res.body.error.message).toMatch(/common or breached passwords/);
    const retry = await register({ email, password: 'velvet harbour lantern', name: 'Ada' });
    expect(retry.status).toBe(201);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, not 500', async () => {
    const res = await auth.call('POST', '/auth/register', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  it('accepts calls from the gateway only: 403 CLIENT_NOT_ALLOWED for the order service', async () => {
    const res = await auth.call('POST', '/auth/register', { as: 'order', body: { email: uniqueEmail('order'), password: 'long enough secret', name: 'Ada' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CLIENT_NOT_ALLOWED');
  });
});
