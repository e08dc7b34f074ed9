import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useChromium, openStore, WAIT_MS } from '../support/browser';
import { addToCart, checkOut, registerAndSignIn } from '../support/browser-shopper';
import { largeOrderProduct } from '../support/shopper';
import { StorefrontClient } from '../support/storefront-client';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const TEST_MS = 180_000;
const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const browser = useChromium();
afterAll(() => api.close());

describe('checkout step-up in the browser', () => {
  it(
    'asks a password-only session for the authenticator code before a large order: first says to set one up, then places the order with the code',
    async () => {
      const { product, quantity } = await largeOrderProduct(api);
      const { context, page, problems } = await openStore(browser(), BASE_URL, '/#/register?next=%2Faccount');
      try {
        await registerAndSignIn(page, 'E2E Step-up');
        await addToCart(page, BASE_URL, product.id, quantity);

        // No authenticator yet: the prompt says so instead of asking for a code it cannot get.
        await checkOut(page);
        await page.getByTestId('step-up-not-enrolled').waitFor();
        await page.getByTestId('step-up-enrol-link').click();
        await page.getByTestId('step-up-dialog').waitFor({ state: 'detached' });
        expect(await page.getByTestId('order-confirmation').count()).toBe(0);

        const secret = await enrolTotp(page);
        // The session was signed in with the password alone; enrolling is not a proof at sign-in, so a code is asked for.
        await checkOut(page);
        await page.getByTestId('step-up-form').waitFor();
        await page.getByTestId('step-up-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
        await page.getByTestId('step-up-submit').click();
        await page.getByTestId('order-confirmation').waitFor({ timeout: WAIT_MS });
        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});

/** Turns TOTP on from the account page with the secret it shows; returns the secret. */
async function enrolTotp(page: Page): Promise<string> {
  await page.getByTestId('totp-enroll').click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByTestId('totp-code').fill(await generate({ secret }));
  await page.getByTestId('totp-confirm').click();
  await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count(), { timeout: WAIT_MS }).toBe(10);
  return secret;
}
