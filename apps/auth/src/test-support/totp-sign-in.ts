import { generate } from 'otplib';
import { expect } from 'vitest';
import type { AuthTestService } from './auth-test-service';

/**
 * Turns TOTP on for an account (enrol + confirm through the API) and signs
 * it in with password + code, so the token carries a fresh mfa_at: what a
 * staff route needs. `now` is the service's clock (tests may move it);
 * `headers` go with the sign-in calls (x-forwarded-for).
 */
export async function signInWithTotp(
  auth: AuthTestService,
  account: { email: string; password: string },
  options: { now?: () => Date; headers?: Record<string, string> } = {},
): Promise<{ accessToken: string; secret: string }> {
  const epoch = () => Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const signIn = () => auth.call('POST', '/auth/login', { body: account, headers: options.headers });
  const first = await signIn();
  expect(first.status).toBe(200);
  const enrolment = await auth.call('POST', '/auth/mfa/totp/enroll', { bearer: first.body.accessToken });
  const secret = enrolment.body.secret as string;
  const confirmed = await auth.call('POST', '/auth/mfa/totp/confirm', { bearer: first.body.accessToken, body: { code: await generate({ secret, epoch: epoch() }) } });
  expect(confirmed.status).toBe(200);
  const second = await signIn();
  // The confirming code's step is spent (replay protection): the next step's code is within the accepted drift.
  const verified = await auth.call('POST', '/auth/mfa/verify', {
    body: { mfaToken: second.body.mfaToken, code: await generate({ secret, epoch: epoch() + 30 }) },
    headers: options.headers,
  });
  expect(verified.status).toBe(200);
  return { accessToken: verified.body.accessToken as string, secret };
}
