import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium, type OpenedStore, openStore as openStoreAt, WAIT_MS } from '../support/browser';
import { fillCheckout, registerAndSignIn } from '../support/browser-shopper';

// The e2e globalSetup starts the stack and provides its URL; STOREFRONT_URL points at one already running.
const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const TEST_MS = 180_000;
const APPROVED_CARD = '4242 4242 4242 4242';
const DECLINED_CARD = '4000 0000 0000 0002';
const SCREENSHOT = path.resolve('test-results', 'order-confirmation.png');

interface ProductChoice {
  id: string;
  name: string;
}

const browser = useChromium();

describe('browser order flow', () => {
  it(
    'lets a new customer find a product, sign up, buy it with 4242 and see it in their order history',
    async () => {
      const { context, page, problems } = await openStore();
      try {
        const product = await pickPlainInStockProduct(page);

        await page.getByTestId('search-input').fill(product.name);
        await page.getByTestId('search-submit').click();
        const card = page.locator(`[data-testid="product-card"][data-product-id="${product.id}"]`);
        await card.waitFor();
        await card.getByTestId('product-link').click();
        await page.getByTestId('product-detail').waitFor();

        // Signed out, "Add to cart" sends the visitor to sign in, then back to the product.
        await page.getByTestId('add-to-cart').click();
        await page.getByTestId('signin-form').waitFor();
        await page.getByTestId('register-link').click();
        await registerAndSignIn(page);
        await page.locator(`[data-testid="product-detail"][data-product-id="${product.id}"]`).waitFor();

        await addToCart(page, 1);

        await page.getByTestId('nav-cart').click();
        const line = page.locator(`[data-testid="cart-item"][data-product-id="${product.id}"]`);
        await line.waitFor();
        await line.getByTestId('cart-quantity').fill('2');
        await line.getByTestId('cart-quantity').blur();
        await expect.poll(() => line.getAttribute('data-quantity'), { timeout: WAIT_MS }).toBe('2');

        await page.getByTestId('checkout-link').click();
        await fillCheckout(page, APPROVED_CARD);
        await page.getByTestId('place-order').click();

        const confirmation = page.getByTestId('order-confirmation');
        await confirmation.waitFor();
        const orderId = (await confirmation.getAttribute('data-order-id')) ?? '';
        expect(orderId).not.toBe('');
        expect(await page.getByTestId('order-id').textContent()).toBe(orderId);
        const paidWith = (await page.getByTestId('order-card').textContent()) ?? '';
        expect(paidWith).toContain('4242');
        expect(paidWith).toMatch(/visa/i);
        await expectNoCardNumberInBrowser(page, APPROVED_CARD);

        mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });

        await page.getByTestId('nav-orders').click();
        await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).waitFor();

        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    'shows the decline message for 4000 0000 0000 0002 and adds no order',
    async () => {
      const { context, page, problems } = await openStore();
      try {
        const product = await pickPlainInStockProduct(page);
        await page.goto(`${BASE_URL}/#/register?next=${encodeURIComponent(`/products/${product.id}`)}`);
        await registerAndSignIn(page);
        await page.locator(`[data-testid="product-detail"][data-product-id="${product.id}"]`).waitFor();
        await addToCart(page, 1);

        await page.goto(`${BASE_URL}/#/checkout`);
        await fillCheckout(page, DECLINED_CARD);
        await page.getByTestId('place-order').click();

        await expect.poll(() => page.getByTestId('alert-error').textContent(), { timeout: WAIT_MS }).toMatch(/declin/i);
        expect(await page.getByTestId('order-confirmation').count()).toBe(0);
        // The number went to the vault and was cleared from the form; nothing kept it.
        expect(await page.getByTestId('card-number').inputValue()).toBe('');
        await expectNoCardNumberInBrowser(page, DECLINED_CARD);

        await page.getByTestId('nav-orders').click();
        await page.getByTestId('orders-empty').waitFor();
        expect(await page.getByTestId('order-row').count()).toBe(0);

        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});

async function openStore(): Promise<OpenedStore> {
  const opened = await openStoreAt(browser(), BASE_URL);
  await opened.page.getByTestId('product-grid').waitFor();
  return opened;
}

/**
 * A product with room for quantity 2 and a name without markup characters: the catalog may hold
 * attack-string names on purpose, and searching for one would (rightly) be stopped by the edge shield.
 */
async function pickPlainInStockProduct(page: Page): Promise<ProductChoice> {
  const cards = await page.getByTestId('product-card').evaluateAll((elements) =>
    elements.map((el) => ({
      id: el.getAttribute('data-product-id') ?? '',
      stock: Number(el.getAttribute('data-stock')),
      name: el.querySelector('[data-testid="product-link"]')?.textContent ?? '',
    })),
  );
  const choice = cards.find((c) => c.id && c.stock >= 3 && /^[A-Za-z0-9][A-Za-z0-9 ]{2,}$/.test(c.name));
  if (!choice) throw new Error(`no plain, in-stock product on the first catalog page: ${JSON.stringify(cards)}`);
  return { id: choice.id, name: choice.name };
}

async function addToCart(page: Page, quantity: number): Promise<void> {
  await page.getByTestId('quantity-input').fill(String(quantity));
  await page.getByTestId('add-to-cart').click();
  await expect.poll(() => page.getByTestId('alert-notice').textContent(), { timeout: WAIT_MS }).toMatch(/^Added/);
}

/** The full number must not be in the page's HTML nor in any browser storage, with or without spaces. */
async function expectNoCardNumberInBrowser(page: Page, cardNumber: string): Promise<void> {
  const digits = cardNumber.replace(/\s/g, '');
  const html = await page.content();
  expect(html).not.toContain(digits);
  expect(html).not.toContain(cardNumber);
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  expect(storage).toEqual({ local: 0, session: 0 });
}
