import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser';
import { signInInBrowser, signInStaffInBrowser } from '../support/staff-browser-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const browser = useChromium();
afterAll(() => api.close());

describe('the security desk page', () => {
  it('shows a new alert to security staff within a poll, its events on click, and the audit check', async () => {
    const context = await browser().newContext({ ignoreHTTPSErrors: true, baseURL: BASE_URL });
    const page = await context.newPage();
    try {
      await signInStaffToDesk(page, 'security@storefront.test', 'Security-Demo-2026');
      await page.getByTestId('alert-list').waitFor();
      await expect(page.getByTestId('nav-monitoring').isVisible()).resolves.toBe(true);

      // Raise an alert while the page is open: it must appear without a reload.
      const email = `desk-${randomUUID()}@example.test`;
      for (let attempt = 1; attempt <= 5; attempt++) await api.call('POST', '/api/auth/login', { body: { email, password: `wrong-${attempt}-password` } });
      const row = page.getByTestId('alert-row').filter({ hasText: email });
      await row.waitFor({ timeout: 20_000 });
      await row.getByTestId('alert-open').click();
      await page.getByTestId('alert-event').first().waitFor();
      expect(await page.getByTestId('alert-event').count()).toBeGreaterThanOrEqual(5);

      await page.getByTestId('audit-verify').click();
      await expect(page.getByTestId('audit-result').filter({ hasText: 'Audit log intact' }).waitFor()).resolves.toBeUndefined();
      if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, 'security-desk.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('hides the desk link from a customer, whose visit to the page gets the API’s refusal', async () => {
    const context = await browser().newContext({ ignoreHTTPSErrors: true, baseURL: BASE_URL });
    const page = await context.newPage();
    try {
      await signInToDesk(page, 'customer@storefront.test', 'Customer-Demo-2026');
      await page.getByTestId('nav-orders').waitFor();
      expect(await page.getByTestId('nav-monitoring').count()).toBe(0);
      await page.getByTestId('alert-error').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('alert-row').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lets security staff block a source at the edge from the desk, and lift the block', async () => {
    const context = await browser().newContext({ ignoreHTTPSErrors: true, baseURL: BASE_URL });
    const page = await context.newPage();
    const source = '127.0.0.41';
    const fromSource = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), source);
    try {
      await signInStaffToDesk(page, 'security@storefront.test', 'Security-Demo-2026');
      await page.getByTestId('edge-blocks').waitFor();
      // The vault's identity as the gateway read it off the mTLS connection.
      await expect.poll(() => page.locator('[data-testid="certificate-row"][data-service="payment-vault"] code').first().textContent()).toBe('payment-vault');

      await page.getByTestId('edge-block-entry').fill(source);
      await page.getByTestId('edge-block-minutes').fill('5');
      await page.getByTestId('edge-block-submit').click();
      const row = page.locator(`[data-testid="edge-block-row"][data-entry="${source}"]`);
      await row.waitFor();
      expect((await fromSource.call('GET', '/api/products')).status).toBe(403);

      await row.getByTestId('edge-block-lift').click();
      await row.waitFor({ state: 'detached' });
      expect((await fromSource.call('GET', '/api/products')).status).toBe(200);
    } finally {
      await fromSource.close();
      await context.close();
    }
  });
});

const signInToDesk = (page: Page, email: string, password: string) => signInInBrowser(page, email, password, '/monitoring');
const signInStaffToDesk = (page: Page, email: string, password: string) => signInStaffInBrowser(page, email, password, '/monitoring');
