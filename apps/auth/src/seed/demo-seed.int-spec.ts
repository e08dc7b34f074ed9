import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, startAuthTestService } from '../test-support/auth-test-service';
import { DEMO_ACCOUNTS } from './demo-accounts';

describe('demo accounts (SEED_DEMO_DATA=true)', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), { SEED_DEMO_DATA: 'true' });
  });
  afterAll(async () => auth?.close());

  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))('%s signs in and has exactly its documented roles', async (_email, account) => {
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.status).toBe(200);
    const me = await auth.call('GET', '/me', { bearer: login.body.accessToken });
    expect(me.body).toMatchObject({ email: account.email, roles: [...account.roles], mfa: { totp: false } });
  });

  it('creates the four accounts once, with argon2id hashes', async () => {
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ email: string; password_hash: string }>('select email, password_hash from users order by email');
    await db.end();
    expect(rows.map((row) => row.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
