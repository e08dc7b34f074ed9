import type { Page } from 'playwright-core';
import { staffTotpCode, waitForNextTotpStep } from './staff-sign-in';

/** Signs in on the sign-in page with `next` (an in-app path such as /monitoring) as the destination: password only (a customer). */
export async function signInInBrowser(page: Page, email: string, password: string, next: string): Promise<void> {
  await page.goto(`/#/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/**
 * Staff have TOTP (the demo seed): after the password, the code from their
 * authenticator (computed from the demo staff TOTP file) goes into the MFA
 * step. A code refused as already used (the same account signed in during
 * this 30 s step) is retried with the next step's code.
 */
export async function signInStaffInBrowser(page: Page, email: string, password: string, next: string): Promise<void> {
  await signInInBrowser(page, email, password, next);
  await page.getByTestId('mfa-form').waitFor();
  await submitMfaCode(page, email);
  // Whichever comes first; the loser's wait ends in a timeout or page close, which is expected and swallowed.
  const outcome = await Promise.race([
    page.getByTestId('mfa-form').waitFor({ state: 'detached' }).then(() => 'signed-in' as const, () => 'refused' as const),
    page.getByTestId('alert-error').getByText('not valid').waitFor().then(() => 'refused' as const, () => 'signed-in' as const),
  ]);
  if (outcome === 'refused') {
    await waitForNextTotpStep();
    await submitMfaCode(page, email);
    await page.getByTestId('mfa-form').waitFor({ state: 'detached' });
  }
}

async function submitMfaCode(page: Page, email: string): Promise<void> {
  await page.getByTestId('mfa-code').fill(await staffTotpCode(email));
  await page.getByTestId('mfa-submit').click();
}
