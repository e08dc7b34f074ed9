import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { generate } from 'otplib';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STAFF_ROLES } from '@storefront/identity/access';
import { type AuthTestService, startAuthTestService } from '../test-support/auth-test-service';
import { DEMO_ACCOUNTS } from './demo-accounts';

const isStaff = (account: (typeof DEMO_ACCOUNTS)[number]) => account.roles.some((role) => STAFF_ROLES.includes(role));
const customers = DEMO_ACCOUNTS.filter((account) => !isStaff(account));
const staff = DEMO_ACCOUNTS.filter(isStaff);

describe('demo accounts (SEED_DEMO_DATA=true, DEMO_STAFF_TOTP_FILE set)', () => {
  let auth: AuthTestService;
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-demo-totp-'));
  const totpFile = path.join(dir, 'auth', 'demo-staff-totp.json');
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), { SEED_DEMO_DATA: 'true', DEMO_STAFF_TOTP_FILE: totpFile });
  });
  afterAll(async () => {
    await auth?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(customers.map((account) => [account.email, account] as const))('%s signs in with the password alone and has exactly its roles', async (_email, account) => {
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.status).toBe(200);
    const me = await auth.call('GET', '/me', { bearer: login.body.accessToken });
    expect(me.body).toMatchObject({ email: account.email, roles: [...account.roles], mfa: { totp: false } });
  });

  it('writes every staff account’s TOTP secret, readable by the owner only', () => {
    expect(statSync(totpFile).mode & 0o777).toBe(0o600);
    const secrets = JSON.parse(readFileSync(totpFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(secrets).sort()).toEqual(staff.map((account) => account.email).sort());
    for (const secret of Object.values(secrets)) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it.each(staff.map((account) => [account.email, account] as const))('%s needs the code from the file, then has its roles and a fresh mfa_at', async (_email, account) => {
    const secrets = JSON.parse(readFileSync(totpFile, 'utf8')) as Record<string, string>;
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.body.mfaRequired).toBe(true);
    const verified = await auth.call('POST', '/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code: await generate({ secret: secrets[account.email] }) } });
    expect(verified.status).toBe(200);
    expect(Math.abs((decodeJwt(verified.body.accessToken).mfa_at as number) - Date.now() / 1000)).toBeLessThan(60);
    const me = await auth.call('GET', '/me', { bearer: verified.body.accessToken });
    expect(me.body).toMatchObject({ email: account.email, roles: [...account.roles], mfa: { totp: true } });
  });

  it('creates the accounts once, with argon2id hashes', async () => {
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ email: string; password_hash: string }>('select email, password_hash from users order by email');
    await db.end();
    expect(rows.map((row) => row.email)).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('demo accounts without DEMO_STAFF_TOTP_FILE', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), { SEED_DEMO_DATA: 'true' });
  });
  afterAll(async () => auth?.close());

  it('seeds staff without MFA (nobody could read their secrets), so they sign in with the password alone', async () => {
    const [account] = staff;
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
  });
});
