import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium, type OpenedStore, openStore as openStoreAt, WAIT_MS } from '../support/browser';
import { addToCart, checkOut } from '../support/browser-shopper';
import { largeOrderProduct } from '../support/shopper';
import { StorefrontClient } from '../support/storefront-client';

// The e2e globalSetup starts the stack and provides its URL; STOREFRONT_URL points at one already running.
const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const TEST_MS = 180_000;
const SCREENSHOT = path.resolve('test-results', 'security-page.png');

interface Customer {
  email: string;
  password: string;
}

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const browser = useChromium();
beforeAll(() => {
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
});
afterAll(() => api.close());

describe('browser sign-in with a passkey', () => {
  it(
    'registers a passkey on the Security page, signs out, and signs back in with the passkey alone',
    async () => {
      const { context, page, problems } = await openStore();
      try {
        const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);

        await registerAndSignIn(page);
        await openSecurityPage(page);
        await expect.poll(() => page.getByTestId('session-current').count(), { timeout: WAIT_MS }).toBe(1);
        expect(await page.getByTestId('passkey').count()).toBe(0);

        await addPasskeyOnSecurityPage(page);
        const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        expect(credentials).toHaveLength(1);
        expect(credentials[0].isResidentCredential).toBe(true);
        expect(credentials[0].rpId).toBe(new URL(BASE_URL).hostname);

        await signOut(page);
        await page.getByTestId('signin-passkey').click();
        await page.getByTestId('nav-sign-out').waitFor();
        await expect.poll(() => page.getByTestId('alert-notice').textContent(), { timeout: WAIT_MS }).toMatch(/signed in/);

        // The passkey sign-in is a full session: the account page loads, and the passkey shows as used.
        await openSecurityPage(page);
        await expect.poll(() => page.getByTestId('passkey').first().textContent(), { timeout: WAIT_MS }).toMatch(/last used/);
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        expect(after.credentials[0].signCount).toBeGreaterThan(credentials[0].signCount);
        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    'ends another signed-in device from the Security page: that browser is sent back to sign-in',
    async () => {
      const first = await openStore();
      const second = await openStore();
      try {
        const customer = await registerAndSignIn(first.page);
        await signInWithPassword(second.page, customer);

        await openSecurityPage(first.page);
        await expect.poll(() => first.page.getByTestId('session').count(), { timeout: WAIT_MS }).toBe(2);
        await first.page.getByTestId('session-end').click();
        await expect.poll(() => first.page.getByTestId('session').count(), { timeout: WAIT_MS }).toBe(1);

        // The other browser's access token is refused at the edge and its refresh cookie is dead.
        await second.page.getByTestId('nav-orders').click();
        await second.page.getByTestId('signin-form').waitFor();
        expect(first.problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
    TEST_MS,
  );
});

describe('browser step-up with a passkey', () => {
  it(
    'lets a passkey-only customer confirm a checkout above the step-up amount with the passkey (no authenticator app, no code)',
    async () => {
      const { product, quantity } = await largeOrderProduct(api);
      const { context, page, problems } = await openStore();
      try {
        const { cdp, authenticatorId } = await addVirtualAuthenticator(context, page);
        // Signed in with the password alone, then a passkey added: the session holds no second-factor proof yet.
        await registerAndSignIn(page);
        await openSecurityPage(page);
        await addPasskeyOnSecurityPage(page);
        const before = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount;

        await addToCart(page, BASE_URL, product.id, quantity);
        await checkOut(page);
        await page.getByTestId('step-up-form').waitFor();
        // The account has no authenticator app: the dialog offers the passkey only (once it has asked what the account has).
        await expect.poll(() => page.getByTestId('step-up-code').count(), { timeout: WAIT_MS }).toBe(0);
        expect(await page.getByTestId('step-up-not-enrolled').count()).toBe(0);
        await page.getByTestId('step-up-passkey').click();
        await page.getByTestId('order-confirmation').waitFor({ timeout: WAIT_MS });
        expect(await page.getByTestId('step-up-dialog').count()).toBe(0);

        const after = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount;
        expect(after).toBeGreaterThan(before);
        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});

describe('browser sign-in with an authenticator app (TOTP)', () => {
  it(
    'turns TOTP on with the secret shown on the page, then signs in with password + a generated code',
    async () => {
      const { context, page, problems } = await openStore();
      try {
        const customer = await registerAndSignIn(page);
        await page.getByTestId('nav-account').click();
        await page.getByTestId('totp-enroll').click();
        const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
        expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
        await page.getByTestId('totp-code').fill(await generate({ secret }));
        await page.getByTestId('totp-confirm').click();
        await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count(), { timeout: WAIT_MS }).toBe(10);

        await signOut(page);
        await page.getByTestId('signin-email').fill(customer.email);
        await page.getByTestId('signin-password').fill(customer.password);
        await page.getByTestId('signin-submit').click();
        await page.getByTestId('mfa-form').waitFor();
        // A code is accepted once: the one used to confirm may still be current, so use the next time step's (within the accepted drift).
        await page.getByTestId('mfa-code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
        await page.getByTestId('mfa-submit').click();
        await page.getByTestId('nav-sign-out').waitFor();
        await page.getByTestId('nav-account').click();
        await expect.poll(() => page.getByTestId('totp-status').textContent(), { timeout: WAIT_MS }).toMatch(/on/);
        expect(problems).toEqual({ errors: [], dialogs: [] });
      } finally {
        await context.close();
      }
    },
    TEST_MS,
  );
});

/** Chromium's virtual authenticator: a platform authenticator with user verification (like Touch ID), driven over CDP. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { cdp, authenticatorId };
}

/** Adds a passkey from the Security page (open) with the virtual authenticator. */
async function addPasskeyOnSecurityPage(page: Page): Promise<void> {
  await page.getByTestId('passkey-add').click();
  await page.getByTestId('passkey').first().waitFor();
  await expect.poll(() => page.getByTestId('alert-notice').textContent(), { timeout: WAIT_MS }).toMatch(/Passkey added/);
}

async function openStore(): Promise<OpenedStore> {
  // Straight to sign-in, landing on the account page: these tests need no catalog (and stay clear of its anti-scraping limit).
  const opened = await openStoreAt(browser(), BASE_URL, '/#/sign-in?next=%2Faccount');
  await opened.page.getByTestId('signin-form').waitFor();
  return opened;
}

/** Registers a fresh customer on the register page and signs in with the same credentials. */
async function registerAndSignIn(page: Page): Promise<Customer> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const customer = { email: `e2e-mfa-${unique}@example.com`, password: `Browser-e2e-${unique}-Passphrase!` };
  await page.goto(`${BASE_URL}/#/register?next=%2Faccount`);
  await page.getByTestId('register-form').waitFor();
  await page.getByTestId('register-name').fill(`E2E MFA ${unique}`);
  await page.getByTestId('register-email').fill(customer.email);
  await page.getByTestId('register-password').fill(customer.password);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('signin-form').waitFor(); // shown once the account exists
  await signInWithPassword(page, customer);
  return customer;
}

async function signInWithPassword(page: Page, customer: Customer): Promise<void> {
  if (!page.url().includes('#/sign-in')) await page.goto(`${BASE_URL}/#/sign-in?next=%2Faccount`);
  await page.getByTestId('signin-form').waitFor();
  await page.getByTestId('signin-email').fill(customer.email);
  await page.getByTestId('signin-password').fill(customer.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-sign-out').waitFor();
}

async function openSecurityPage(page: Page): Promise<void> {
  await page.getByTestId('nav-account').click();
  await page.getByTestId('security-link').click();
  await page.getByTestId('password-form').waitFor();
  // Either the lists load or the page says why not (shown in the failure message).
  const loadedOrFailed = async () => (await page.locator('[data-testid="sessions"] ul').count()) > 0 || Boolean(await page.getByTestId('alert-error').textContent());
  await expect.poll(loadedOrFailed, { timeout: WAIT_MS }).toBe(true);
  const error = await page.getByTestId('alert-error').textContent();
  if (error) throw new Error(`Security page error: ${error}`);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('nav-sign-out').click();
  await page.getByTestId('nav-sign-in').waitFor();
  // Signing out lands on the catalog; leave it before its images load.
  await page.goto(`${BASE_URL}/#/sign-in?next=%2Faccount`);
  await page.getByTestId('signin-form').waitFor();
}
