import { describe, expect, it } from 'vitest';
import { catalogDelayMs, tierApplies } from './rate-limit-tiers';

describe('tierApplies', () => {
  it('counts every request in the ip tier', () => {
    expect(tierApplies('ip', { method: 'GET', path: '/api/anything' })).toBe(true);
  });

  it('counts only sign-in posts in the login tier, whatever the case of the path', () => {
    for (const path of ['/api/auth/login', '/api/auth/register', '/api/auth/mfa/verify', '/API/Auth/Login']) expect(tierApplies('login', { method: 'POST', path })).toBe(true);
    expect(tierApplies('login', { method: 'POST', path: '/api/auth/refresh' })).toBe(false);
    expect(tierApplies('login', { method: 'GET', path: '/api/auth/login' })).toBe(false);
  });

  it('counts card tokenization and checkout in the payment tier, not order reads', () => {
    expect(tierApplies('payment', { method: 'POST', path: '/api/payments/cards' })).toBe(true);
    expect(tierApplies('payment', { method: 'POST', path: '/API/Orders' })).toBe(true);
    expect(tierApplies('payment', { method: 'GET', path: '/api/orders' })).toBe(false);
    expect(tierApplies('payment', { method: 'POST', path: '/api/cart/items' })).toBe(false);
  });

  it('counts catalog reads in both catalog windows', () => {
    expect(tierApplies('catalog-hour', { method: 'GET', path: '/api/products/1' })).toBe(true);
    expect(tierApplies('catalog-hour', { method: 'GET', path: '/api/orders' })).toBe(false);
  });

  it('counts catalog reads, not other paths that share the prefix', () => {
    expect(tierApplies('catalog', { method: 'GET', path: '/api/products' })).toBe(true);
    expect(tierApplies('catalog', { method: 'HEAD', path: '/API/products/1/image.svg' })).toBe(true);
    expect(tierApplies('catalog', { method: 'GET', path: '/api/productsX' })).toBe(false);
    expect(tierApplies('catalog', { method: 'POST', path: '/api/products' })).toBe(false);
  });

  it('counts writes in the user tier, not reads', () => {
    expect(tierApplies('user', { method: 'POST', path: '/api/cart/items' })).toBe(true);
    expect(tierApplies('user', { method: 'DELETE', path: '/api/cart/items/1' })).toBe(true);
    expect(tierApplies('user', { method: 'GET', path: '/api/cart' })).toBe(false);
  });
});

describe('catalogDelayMs', () => {
  const config = { CATALOG_SLOW_AFTER_PER_MINUTE: 10, CATALOG_DELAY_STEP_MS: 100, CATALOG_DELAY_MAX_MS: 2000 };

  it('adds no delay up to the soft threshold, then +step per request, capped', () => {
    expect(catalogDelayMs(10, config)).toBe(0);
    expect(catalogDelayMs(11, config)).toBe(100);
    expect(catalogDelayMs(15, config)).toBe(500);
    expect(catalogDelayMs(500, config)).toBe(2000);
  });
});
