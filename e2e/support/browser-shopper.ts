import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS } from './browser';

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

/** Adds `quantity` of a product to the cart from its page. */
export async function addToCart(page: Page, baseUrl: string, productId: string, quantity: number): Promise<void> {
  await page.goto(`${baseUrl}/#/products/${productId}`);
  await page.getByTestId('quantity-input').fill(String(quantity));
  await page.getByTestId('add-to-cart').click();
  await expect.poll(() => page.getByTestId('alert-notice').textContent(), { timeout: WAIT_MS }).toMatch(/^Added/);
}

/** Opens the cart, goes to checkout and places the order with an approved card. */
export async function checkOut(page: Page): Promise<void> {
  await page.getByTestId('nav-cart').click();
  await page.getByTestId('checkout-link').click();
  await fillCheckout(page, '4242 4242 4242 4242');
  await page.getByTestId('place-order').click();
}
