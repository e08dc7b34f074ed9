import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';
import { ATTACK_SCENARIOS } from '../../apps/web/src/pages/attack-lab-scenarios';
import { useChromium, openStore } from '../support/browser';
import { signInStaffInBrowser } from '../support/staff-browser-sign-in';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const SECURITY = { email: 'security@storefront.test', password: 'Security-Demo-2026' };
const SCREENSHOT = path.resolve('test-results', 'attack-lab-trace.png');
// The run itself takes seconds; the monitor's events come through a queue, and the page polls once a second.
const RUN_WAIT_MS = 60_000;
const browser = useChromium();

describe('launching an attack from the attack lab page (issue 9)', () => {
  it('shows a visitor the list with a line on who may launch, and no Launch button', async () => {
    const { context, page, problems } = await openStore(browser(), BASE_URL, '/#/attack-lab');
    try {
      await page.getByTestId('lab-sign-in-hint').getByText('security@storefront.test').waitFor();
      expect(await page.getByTestId('attack-scenario').count()).toBe(ATTACK_SCENARIOS.length);
      expect(await page.getByTestId('lab-launch').count()).toBe(0);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the security analyst launch waf-payloads and watch layer 1 stop it, traced by the run’s own edge.waf.blocked events', { timeout: 150_000 }, async () => {
    const { context, page, problems } = await openStore(browser(), BASE_URL);
    try {
      await signInStaffInBrowser(page, SECURITY.email, SECURITY.password, '/attack-lab');
      const launch = page.locator('[data-testid="lab-launch"][data-scenario="waf-payloads"]');
      await launch.waitFor();
      expect(await page.getByTestId('lab-launch').count()).toBe(ATTACK_SCENARIOS.length);
      await launch.click();
      // One run at a time: every other button is disabled while it runs.
      expect(await page.locator('[data-testid="lab-launch"][data-scenario="csrf-refresh"]').isDisabled()).toBe(true);

      const panel = page.getByTestId('lab-live');
      await panel.waitFor();
      await page.locator('[data-testid="lab-verdict"][data-verdict="stopped"]').waitFor({ timeout: RUN_WAIT_MS });
      expect(await page.getByTestId('lab-verdict-word').textContent()).toBe('stopped');
      await expect(page.getByTestId('lab-evidence').textContent()).resolves.toMatch(/REQUEST_BLOCKED/);

      const edge = page.locator('[data-testid="lab-lane"][data-layer="1"]');
      expect(await edge.getAttribute('data-state')).toBe('stopped');
      // Events reach the monitor through a queue: the page keeps polling a few seconds after the run finished.
      const blocked = edge.locator('[data-testid="lab-event"][data-type="edge.waf.blocked"]');
      await blocked.first().waitFor({ timeout: RUN_WAIT_MS });
      const prefix = await panel.getAttribute('data-correlation-prefix');
      expect(prefix).toMatch(/^lab-/);
      // Each event shown is one the monitor stored for a request of this run.
      for (const id of await blocked.locator('.lab-correlation').allTextContents()) expect(id.startsWith(`${prefix}-`), id).toBe(true);

      // The refused payloads sit in layer 1, and nothing of the attack reached layers 2–5.
      expect(await page.locator('[data-testid="lab-request"][data-stopped-at="1"]').count()).toBeGreaterThanOrEqual(5);
      for (const layer of [2, 3, 4, 5]) expect(await page.locator(`[data-testid="lab-lane"][data-layer="${layer}"]`).getAttribute('data-state')).toBe('not-reached');
      expect(await page.locator('[data-testid="lab-lane"][data-layer="6"]').getAttribute('data-state')).toBe('watched');
      await expect(page.getByTestId('lab-log').locator('li').count()).resolves.toBeGreaterThan(0);

      // Finished: the buttons are back.
      await expect.poll(() => launch.isDisabled(), { timeout: 10_000 }).toBe(false);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
