import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, refreshCookieLine, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';

/** A code for the next 30-second step: the step used at confirmation can never be used again (replay protection). */
const nextStepCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe('TOTP multi-factor sign-in', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'));
  });
  afterAll(async () => auth?.close());

  async function signedInAccount(label: string) {
    const email = uniqueEmail(label);
    const password = 'long enough secret';
    expect((await auth.call('POST', '/auth/register', { body: { email, password, name: 'Ada' } })).status).toBe(201);
    const login = await auth.call('POST', '/auth/login', { body: { email, password } });
    return { email, password, accessToken: login.body.accessToken as string };
  }

  async function accountWithTotp(label: string) {
    const account = await signedInAccount(label);
    const enroll = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: account.accessToken });
    expect(enroll.status).toBe(200);
    const secret = enroll.body.secret as string;
    const confirm = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: account.accessToken, body: { code: await generate({ secret }) } });
    expect(confirm.status).toBe(200);
    return { ...account, secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
  }

  async function mfaToken(account: { email: string; password: string }): Promise<string> {
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(refreshCookieLine(login)).toBeUndefined();
    return login.body.mfaToken;
  }

  const verify = (token: string, code: string) => auth.call('POST', '/auth/mfa/verify', { body: { mfaToken: token, code } });

  it('enrolls: a base32 secret, an otpauth URI issued by Storefront, and a QR code as a PNG data URL', async () => {
    const account = await signedInAccount('enroll');
    const res = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: account.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(res.body.otpauthUrl);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Storefront');
    expect(uri.searchParams.get('secret')).toBe(res.body.secret);
    expect(res.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('does not switch TOTP on before a code confirms it, and refuses a wrong code with 400 TOTP_CODE_INVALID', async () => {
    const account = await signedInAccount('pending');
    const { body } = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: account.accessToken });
    const good = await generate({ secret: body.secret });
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    const res = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: account.accessToken, body: { code: wrong } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('TOTP_CODE_INVALID');
    const login = await auth.call('POST', '/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.body).toHaveProperty('accessToken');
  });

  it('confirms with a code and returns ten distinct recovery codes once; /me then reports TOTP on', async () => {
    const account = await accountWithTotp('confirm');
    expect(account.recoveryCodes).toHaveLength(10);
    expect(new Set(account.recoveryCodes).size).toBe(10);
    const me = await auth.call('GET', '/me', { bearer: account.accessToken });
    expect(me.body.mfa).toEqual({ totp: true });
    const again = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: account.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TOTP_ALREADY_ENABLED');
  });

  it('refuses confirmation before enrollment with 409 TOTP_NOT_ENROLLED', async () => {
    const account = await signedInAccount('no-enroll');
    const res = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: account.accessToken, body: { code: '123456' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('TOTP_NOT_ENROLLED');
  });

  it('requires a bearer token to enroll or confirm (401)', async () => {
    expect((await auth.call('POST', '/auth/mfa/totp/enroll')).status).toBe(401);
    expect((await auth.call('POST', '/auth/mfa/totp/confirm', { body: { code: '123456' } })).status).toBe(401);
  });

  it('once TOTP is on, a right password alone yields only {mfaRequired, mfaToken}; a TOTP code completes the sign-in', async () => {
    const account = await accountWithTotp('login');
    const token = await mfaToken(account);
    const res = await verify(token, await nextStepCode(account.secret));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn']);
    expect(refreshCookieLine(res)).toMatch(/^sf_refresh=[A-Za-z0-9_-]{43}; .*HttpOnly; Secure; SameSite=Strict$/);
    expect((await auth.call('GET', '/me', { bearer: res.body.accessToken })).status).toBe(200);
  });

  it('never accepts the same TOTP code twice (replay), and an mfaToken only once', async () => {
    const account = await accountWithTotp('replay');
    const code = await nextStepCode(account.secret);
    const first = await mfaToken(account);
    expect((await verify(first, code)).status).toBe(200);

    const reusedToken = await verify(first, await nextStepCode(account.secret));
    expect(reusedToken.status).toBe(401);
    expect(reusedToken.body.error.code).toBe('MFA_TOKEN_INVALID');

    const replayed = await verify(await mfaToken(account), code);
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('MFA_CODE_INVALID');
  });

  it('accepts a recovery code once and never twice', async () => {
    const account = await accountWithTotp('recovery');
    const [code] = account.recoveryCodes;
    const first = await verify(await mfaToken(account), code);
    expect(first.status).toBe(200);
    expect(first.body).toHaveProperty('accessToken');

    const second = await verify(await mfaToken(account), code);
    expect(second.status).toBe(401);
    expect(second.body.error.code).toBe('MFA_CODE_INVALID');
  });

  it('accepts a recovery code typed in capitals without the dash', async () => {
    const account = await accountWithTotp('recovery-typed');
    const res = await verify(await mfaToken(account), account.recoveryCodes[3].replace('-', '').toUpperCase());
    expect(res.status).toBe(200);
  });

  it('refuses a wrong code with 401 MFA_CODE_INVALID and kills the challenge after five wrong codes', async () => {
    const account = await accountWithTotp('attempts');
    const token = await mfaToken(account);
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await verify(token, attempt % 2 ? 'zzzzz-zzzzz' : '000000');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('MFA_CODE_INVALID');
    }
    const sixth = await verify(token, account.recoveryCodes[0]);
    expect(sixth.status).toBe(401);
    expect(sixth.body.error.code).toBe('MFA_TOKEN_INVALID');
    // The right code offered too late was not spent.
    expect((await verify(await mfaToken(account), account.recoveryCodes[0])).status).toBe(200);
  });

  it('refuses an unknown mfaToken with 401 and a malformed one with 400', async () => {
    const unknown = await verify('A'.repeat(43), '123456');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('MFA_TOKEN_INVALID');
    const malformed = await verify('not-a-token', '123456');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('accepts MFA verification from the gateway only', async () => {
    const res = await auth.call('POST', '/auth/mfa/verify', { as: 'order', body: { mfaToken: 'A'.repeat(43), code: '123456' } });
    expect(res.status).toBe(403);
  });
});
