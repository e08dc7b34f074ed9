import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useChromium, WAIT_MS } from '../support/browser';
import type { Product } from '../support/shopper';
import { signInStaffInBrowser } from '../support/staff-browser-sign-in';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const CATALOG = { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026' };

const browser = useChromium();
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
  await api.close();
});

describe('the catalog page archives and restores a product (layer 5)', () => {
  it('archives from the list, marks the row for the manager while the shop answers 404, and restores it', async () => {
    const manager = await signInStaff(api, CATALOG.email, CATALOG.password);
    // A product of this test alone, so no other spec picks it while it is archived.
    const name = `Zz Archive Page ${randomUUID().slice(0, 8)}`;
    const created = await api.call<Product>('POST', '/api/products', { token: manager, body: { name, description: 'Archived from the page.', category: 'Testing', priceCents: 700, stock: 2 } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;

    context = await browser().newContext({ ignoreHTTPSErrors: true, baseURL: BASE_URL });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await signInStaffInBrowser(page, CATALOG.email, CATALOG.password, '/catalog-manager');
    await page.getByTestId('catalog-manager-search').fill(name);
    await page.getByTestId('catalog-manager-search').press('Enter');
    const row = page.locator(`tr[data-product-id="${id}"]`);

    await row.getByTestId('catalog-manager-archive').click();
    await page.getByTestId('alert-notice').filter({ hasText: 'archived' }).waitFor();
    await row.and(page.locator('[data-archived="true"]')).getByTestId('catalog-manager-archived').waitFor();
    expect((await api.call('GET', `/api/products/${id}`)).status).toBe(404);

    await row.getByTestId('catalog-manager-restore').click();
    await page.getByTestId('alert-notice').filter({ hasText: 'restored' }).waitFor();
    await row.and(page.locator('[data-archived="false"]')).getByTestId('catalog-manager-archive').waitFor();
    expect((await api.call('GET', `/api/products/${id}`)).status).toBe(200);
  });
});
