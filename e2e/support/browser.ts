import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium, headless, with nothing that phones home (this machine has no internet). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const WAIT_MS = 30_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** What the page did that it must not: uncaught errors, CSP violations, alert() from injected markup. */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
}

export interface OpenedStore {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A fresh browser profile on the store's front page, recording anything the page must never do. */
export async function openStore(browser: Browser, baseUrl: string, path = '/'): Promise<OpenedStore> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => {
    // Expected HTTP errors (401 on the first refresh, 402 on a decline, 403 from the edge shield) are logged by
    // Chromium as "Failed to load resource"; anything else at error level (a CSP violation, a crash) is a bug.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${baseUrl}${path}`);
  return { context, page, problems };
}

/**
 * One Chromium for the whole spec file: launched before its first test and
 * closed after its last. Call at the top level of a spec; the returned
 * function gives the running browser inside tests.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top level of the spec file');
    return browser;
  };
}
