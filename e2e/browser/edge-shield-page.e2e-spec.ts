
import { describe, expect, inject, it } from 'vitest';
import { useChromium, openStore } from '../support/browser';

const BASE_URL = inject('baseUrl').replace(/\/$/, '');
const browser = useChromium();

describe('the edge shield in the browser', () => {
  it('shows "blocked by the edge shield" with a reference when SQL injection is typed into the search box', async () => {
    const { context, page, problems } = await openStore(browser(), BASE_URL);
    try {
      await page.getByTestId('product-grid').waitFor();
      await page.getByTestId('search-input').fill("' OR 1=1; DROP TABLE product--");
      await page.getByTestId('search-submit').click();
      const panel = page.getByTestId('edge-blocked');
      await panel.waitFor();
      expect(await panel.textContent()).toMatch(/Blocked by the edge shield/);
      expect(await page.getByTestId('edge-reference').textContent()).toMatch(/^EDGE-[A-Z0-9]{8}$/);
      expect(problems.errors).toEqual([]);
      await page.screenshot({ path: 'test-results/edge-shield-blocked.png' });
    } finally {
      await context.close();
    }
  });
});
