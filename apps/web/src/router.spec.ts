import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, requiresSignIn, safeNext, type Route } from './router';

describe('parseRoute', () => {
  it('treats an empty hash as the catalog', () => {
    expect(parseRoute('')).toEqual({ name: 'catalog', q: '', page: 1 });
    expect(parseRoute('#/')).toEqual({ name: 'catalog', q: '', page: 1 });
  });

  it('reads search and page from the catalog query', () => {
    expect(parseRoute('#/?q=%20blue%20mug%20&page=3')).toEqual({ name: 'catalog', q: 'blue mug', page: 3 });
  });

  it('falls back to page 1 for a bad page number', () => {
    for (const page of ['0', '-1', 'abc', '1e3', '99999999']) {
      expect(parseRoute(`#/?page=${page}`)).toEqual({ name: 'catalog', q: '', page: 1 });
    }
  });

  it('parses product and order ids', () => {
    expect(parseRoute('#/products/3f2b1c9e-1111-4a4a-8b8b-000000000001')).toEqual({
      name: 'product',
      id: '3f2b1c9e-1111-4a4a-8b8b-000000000001',
    });
    expect(parseRoute('#/orders/abc_123')).toEqual({ name: 'order', id: 'abc_123' });
    expect(parseRoute('#/orders')).toEqual({ name: 'orders' });
  });

  it('rejects ids that could walk out of the API path', () => {
    for (const hash of ['#/products/..', '#/products/%2e%2e', '#/orders/a%2Fb', '#/products/%3Cimg%3E', '#/products/%E0%A4%A']) {
      expect(parseRoute(hash).name, hash).toBe('not-found');
    }
  });

  it('parses the admin access-review page under /admin, and nothing else there', () => {
    expect(parseRoute('#/admin/access')).toEqual({ name: 'admin-access' });
    expect(formatRoute({ name: 'admin-access' })).toBe('/admin/access');
    expect(requiresSignIn({ name: 'admin-access' })).toBe(true);
    expect(parseRoute('#/admin/keys')).toEqual({ name: 'admin-keys' });
    expect(formatRoute({ name: 'admin-keys' })).toBe('/admin/keys');
    expect(requiresSignIn({ name: 'admin-keys' })).toBe(true);
    for (const hash of ['#/admin', '#/admin/other', '#/admin/access/extra']) expect(parseRoute(hash).name, hash).toBe('not-found');
  });

  it('parses the simple pages and rejects extra segments', () => {
    expect(parseRoute('#/cart')).toEqual({ name: 'cart' });
    expect(parseRoute('#/checkout')).toEqual({ name: 'checkout' });
    expect(parseRoute('#/account')).toEqual({ name: 'account' });
    expect(parseRoute('#/security')).toEqual({ name: 'security' });
    expect(parseRoute('#/cart/extra').name).toBe('not-found');
    expect(parseRoute('#/admin').name).toBe('not-found');
  });

  it('keeps only a safe in-app "next" on sign-in', () => {
    expect(parseRoute('#/sign-in?next=%2Fcart')).toEqual({ name: 'sign-in', next: '/cart' });
    expect(parseRoute('#/sign-in?next=https%3A%2F%2Fevil.example')).toEqual({ name: 'sign-in', next: null });
    expect(parseRoute('#/register?next=%2Fsign-in')).toEqual({ name: 'register', next: null });
  });
});

describe('formatRoute', () => {
  it('round-trips through parseRoute', () => {
    const routes: Route[] = [
      { name: 'catalog', q: '', page: 1 },
      { name: 'catalog', q: 'tea & cups', page: 2 },
      { name: 'product', id: 'p-1' },
      { name: 'sign-in', next: '/products/p-1' },
      { name: 'register', next: null },
      { name: 'cart' },
      { name: 'checkout' },
      { name: 'orders' },
      { name: 'order', id: 'o-9' },
    ];
    for (const route of routes) expect(parseRoute(`#${formatRoute(route)}`)).toEqual(route);
  });

  it('omits default catalog parameters', () => {
    expect(formatRoute({ name: 'catalog', q: '', page: 1 })).toBe('/');
  });
});

describe('safeNext', () => {
  it('accepts known in-app paths and canonicalises them', () => {
    expect(safeNext('/orders/o-1')).toBe('/orders/o-1');
    expect(safeNext('/?page=2&q=mug')).toBe('/?q=mug&page=2');
  });

  it('rejects other origins, unknown paths and auth pages', () => {
    for (const next of [null, '', 'cart', '//evil.example', '/\\evil.example', '/nope', '/sign-in', 'javascript:alert(1)']) {
      expect(safeNext(next), String(next)).toBeNull();
    }
  });
});

describe('requiresSignIn', () => {
  it('guards personal pages only', () => {
    expect(requiresSignIn({ name: 'cart' })).toBe(true);
    expect(requiresSignIn({ name: 'security' })).toBe(true);
    expect(requiresSignIn({ name: 'order', id: 'x' })).toBe(true);
    expect(requiresSignIn({ name: 'catalog', q: '', page: 1 })).toBe(false);
    expect(requiresSignIn({ name: 'product', id: 'x' })).toBe(false);
  });
});

describe('the attack lab route', () => {
  it('is public and round-trips', () => {
    expect(parseRoute('#/attack-lab')).toEqual({ name: 'attack-lab' });
    expect(requiresSignIn({ name: 'attack-lab' })).toBe(false);
    expect(formatRoute({ name: 'attack-lab' })).toBe('/attack-lab');
    expect(parseRoute('#/attack-lab/extra').name).toBe('not-found');
  });
});
