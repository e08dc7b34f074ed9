import { describe, expect, it } from 'vitest';
import { LAST_ONE_LAMP, SEED_PRODUCTS } from './products.seed';

describe('demo products', () => {
  it('offers at least 40 products in at least 5 categories', () => {
    expect(SEED_PRODUCTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SEED_PRODUCTS.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
  });

  it('prices in whole positive cents and stocks 5..50, except the single Last One Lamp', () => {
    for (const product of SEED_PRODUCTS) {
      expect(Number.isInteger(product.priceCents) && product.priceCents > 0).toBe(true);
      if (product.name === LAST_ONE_LAMP) expect(product.stock).toBe(1);
      else expect(product.stock >= 5 && product.stock <= 50).toBe(true);
    }
    expect(SEED_PRODUCTS.filter((p) => p.stock === 1).map((p) => p.name)).toEqual([LAST_ONE_LAMP]);
  });

  it('includes names with apostrophes and ampersands and fits the column bounds', () => {
    expect(SEED_PRODUCTS.map((p) => p.name)).toEqual(expect.arrayContaining(["O'Reilly Field Guide", 'Rock & Roll Vinyl']));
    expect(new Set(SEED_PRODUCTS.map((p) => p.name)).size).toBe(SEED_PRODUCTS.length);
    for (const p of SEED_PRODUCTS) {
      expect(p.name.length).toBeLessThanOrEqual(120);
      expect(p.description.length).toBeLessThanOrEqual(1000);
      expect(p.category.length).toBeLessThanOrEqual(40);
    }
  });
});
