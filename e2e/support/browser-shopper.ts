import type { Page } from 'playwright-core';

/** Registers a fresh customer on the register page (already open) and signs in with the same credentials (password only). */
export async function registerAndSignIn(page: Page, label = 'E2E Shopper'): Promise<{ email: string; password: string }> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const email = `e2e-${unique}@example.com`;
  const password = `Browser-e2e-${unique}-Passphrase!`;

  await page.getByTestId('register-form').waitFor();
  await page.getByTestId('register-name').fill(`${label} ${unique}`);
  await page.getByTestId('register-email').fill(email);
  await page.getByTestId('register-password').fill(password);
  await page.getByTestId('register-submit').click();

  await page.getByTestId('signin-form').waitFor();
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-sign-out').waitFor();
  return { email, password };
}

/** Fills the checkout page's shipping address and card (the page must be open). */
export async function fillCheckout(page: Page, cardNumber: string): Promise<void> {
  await page.getByTestId('checkout-form').waitFor();
  await page.getByTestId('ship-name').fill('E2E Shopper');
  await page.getByTestId('ship-line1').fill('1 Test Street');
  await page.getByTestId('ship-city').fill('Testville');
  await page.getByTestId('ship-postal-code').fill('12345');
  await page.getByTestId('ship-country').fill('US');
  await page.getByTestId('card-number').fill(cardNumber);
  await page.getByTestId('card-exp-month').fill('12');
  await page.getByTestId('card-exp-year').fill(String(new Date().getFullYear() + 2));
  await page.getByTestId('card-cvc').fill('123');
  await page.getByTestId('card-holder').fill('E2E Shopper');
}
