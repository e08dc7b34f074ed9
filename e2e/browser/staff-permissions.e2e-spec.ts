import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useChromium, WAIT_MS } from '../support/browser';
import { recordedDenial } from '../support/recorded-denials';
import { APPROVED_CARD, customerWithOrder, inStockProduct } from '../support/shopper';
import { signInInBrowser, signInStaffInBrowser } from '../support/staff-browser-sign-in';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const SUPPORT = { email: 'support@storefront.test', password: 'Support-Demo-2026' };
const CATALOG = { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026' };
const SECURITY = { email: 'security@storefront.test', password: 'Security-Demo-2026' };
const CUSTOMER = { email: 'customer@storefront.test', password: 'Customer-Demo-2026' };

const browser = useChromium();
const contexts: BrowserContext[] = [];

afterAll(async () => {
  for (const context of contexts) await context.close();
  await api.close();
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ ignoreHTTPSErrors: true, baseURL: BASE_URL });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  return page;
}

/** The bearer header the page's own script sends (its token lives in a module variable, out of reach of other scripts). */
function bearerSentBy(page: Page): () => string {
  let last = '';
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (authorization?.startsWith('Bearer ')) last = authorization;
  });
  return () => last;
}

const userIdIn = (authorization: string) => (JSON.parse(Buffer.from(authorization.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;

describe('staff pages and permissions in the browser (layer 5)', () => {
  it('shows support an order with brand and last four only, refuses a payment operation, and the security desk sees the refusal', async () => {
    const { orderId } = await customerWithOrder(api);
    const page = await newPage();
    const bearer = bearerSentBy(page);
    await signInStaffInBrowser(page, SUPPORT.email, SUPPORT.password, '/support');

    await page.getByTestId('nav-support').waitFor();
    expect(await page.getByTestId('nav-catalog-manager').count()).toBe(0);
    expect(await page.getByTestId('nav-monitoring').count()).toBe(0);
    await page.getByTestId('support-order-id').fill(orderId);
    await page.getByTestId('support-lookup').click();
    await page.getByTestId('support-order').waitFor();
    await expect(page.getByTestId('support-order-card').textContent()).resolves.toMatch(/4242/);
    expect(await page.getByTestId('support-order-item').count()).toBe(1);
    expect(await page.content()).not.toMatch(/4242\s?4242\s?4242\s?4242/);

    // A payment operation from the page, with the page's own token: tokenizing a card.
    const authorization = bearer();
    expect(authorization).not.toBe('');
    const refused = await page.evaluate(
      async ({ authorization, number }) => {
        const res = await fetch('/api/payments/cards', {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Sam Support' }),
        });
        return { status: res.status, body: (await res.json()) as unknown };
      },
      { authorization, number: APPROVED_CARD },
    );
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('payments:pay:own') } } });

    // Recorded: the security analyst finds the refusal on the desk, with the event behind it.
    const analystToken = await signInStaff(api, SECURITY.email, SECURITY.password);
    const denial = await recordedDenial(api, analystToken, userIdIn(authorization), 'payments:pay:own');
    expect(denial.details).toMatchObject({ reason: 'missing_permission', roles: 'support', method: 'POST' });
    const desk = await newPage();
    await signInStaffInBrowser(desk, SECURITY.email, SECURITY.password, '/monitoring');
    const row = desk.getByTestId('alert-row').filter({ hasText: 'access.permission_probe' }).filter({ hasText: SUPPORT.email });
    await row.first().waitFor();
    await row.first().getByTestId('alert-open').click();
    await desk.getByTestId('alert-event').filter({ hasText: 'access.permission.denied' }).first().waitFor();
  });

  it('lets the catalog manager change a price from the catalog page, which the shop shows at once', async () => {
    const product = await inStockProduct(api, 1, 1);
    const page = await newPage();
    await signInStaffInBrowser(page, CATALOG.email, CATALOG.password, '/catalog-manager');
    await page.getByTestId('nav-catalog-manager').waitFor();
    expect(await page.getByTestId('nav-support').count()).toBe(0);
    await page.locator(`[data-testid="catalog-manager-edit"][data-product-id="${product.id}"]`).click();
    const newPrice = product.priceCents + 250;
    await page.getByTestId('catalog-manager-price').fill((newPrice / 100).toFixed(2));
    await page.getByTestId('catalog-manager-save').click();
    await page.getByTestId('alert-notice').filter({ hasText: 'saved' }).waitFor();
    await expect.poll(async () => (await api.call<{ priceCents: number }>('GET', `/api/products/${product.id}`)).body.priceCents).toBe(newPrice);
  });

  it('shows a customer no staff page', async () => {
    const page = await newPage();
    await signInInBrowser(page, CUSTOMER.email, CUSTOMER.password, '/orders');
    await page.getByTestId('nav-orders').waitFor();
    for (const staffLink of ['nav-support', 'nav-catalog-manager', 'nav-monitoring']) expect(await page.getByTestId(staffLink).count()).toBe(0);
  });
});
