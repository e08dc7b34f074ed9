
import { describe, expect, inject, it } from 'vitest';
import { ATTACK_SCENARIOS } from '../../apps/web/src/pages/attack-lab-scenarios';
import { useChromium, openStore } from '../support/browser';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const browser = useChromium();

describe('the attack lab page', () => {
  it('is reachable from the footer without signing in and lists every scenario under the layer that stops it', async () => {
    const { context, page, problems } = await openStore(browser(), BASE_URL);
    try {
      await page.getByTestId('footer-attack-lab').click();
      await page.getByRole('heading', { name: 'Attack lab' }).waitFor();
      expect(page.url()).toMatch(/#\/attack-lab$/);
      expect(await page.getByTestId('attack-scenario').count()).toBe(ATTACK_SCENARIOS.length);
      const inLayer6 = await page.locator('[data-layer="6"] [data-testid="attack-scenario"]').evaluateAll((items) => items.map((li) => li.getAttribute('data-scenario')));
      expect(inLayer6).toEqual(ATTACK_SCENARIOS.filter((s) => s.layer === 6).map((s) => s.id));
      expect(await page.textContent('body')).toContain('npm run attack');
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
