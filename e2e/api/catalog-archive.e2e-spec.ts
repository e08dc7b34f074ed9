import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkout, newShopper, tokenize, type Product } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

const CATALOG = { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026' };

interface Order {
  id: string;
  items: Array<{ productId: string; name: string; unitPriceCents: number; quantity: number }>;
}

describe('archiving a product through the running store (layer 5)', () => {
  it('takes it out of the shop at once despite the edge cache, refuses it at checkout with 409, keeps it in past orders, and restores it', async () => {
    const manager = await signInStaff(api, CATALOG.email, CATALOG.password);
    // A product of this test alone (late in the name order, cheap, little stock), so no other spec picks it while it is archived.
    const name = `Zz Archive E2E ${randomUUID().slice(0, 8)}`;
    const created = await api.call<Product>('POST', '/api/products', { token: manager, body: { name, description: 'Withdrawn by a test.', category: 'Testing', priceCents: 500, stock: 5 } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;

    // A past order of it, and another customer with it in the cart.
    const earlier = await newShopper(api);
    expect((await api.call('POST', '/api/cart/items', { token: earlier.token, body: { productId: id, quantity: 1 } })).status).toBe(200);
    const placed = await checkout(api, earlier.token, (await tokenize(api, earlier.token)).body.cardToken);
    expect(placed.status, placed.text).toBe(201);
    const later = await newShopper(api);
    expect((await api.call('POST', '/api/cart/items', { token: later.token, body: { productId: id, quantity: 1 } })).status).toBe(200);
    const card = (await tokenize(api, later.token)).body.cardToken;

    // Twice, so the second read is an edge-cache hit of the product on sale.
    await api.call('GET', `/api/products/${id}`);
    expect((await api.call('GET', `/api/products/${id}`)).headers['x-edge-cache']).toBe('HIT');

    const archived = await api.call<{ archivedAt: string | null }>('POST', `/api/admin/products/${id}/archive`, { token: manager });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));

    const page = await api.call<{ error: { code: string } }>('GET', `/api/products/${id}`);
    expect({ status: page.status, code: page.body.error?.code }).toEqual({ status: 404, code: 'PRODUCT_NOT_FOUND' });
    expect((await api.call<{ items: Product[] }>('GET', `/api/products?q=${encodeURIComponent(name)}`)).body.items).toEqual([]);

    // Still in the cart it was added to before: checkout refuses it (nothing charged, the key freed), and the cart then drops it.
    const refused = await checkout(api, later.token, card);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.text).toContain('PRODUCT_ARCHIVED');
    expect((await api.call<{ items: unknown[] }>('GET', '/api/cart', { token: later.token })).body.items).toEqual([]);
    const again = await api.call<{ error: { code: string } }>('POST', '/api/cart/items', { token: later.token, body: { productId: id, quantity: 1 } });
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 404, code: 'PRODUCT_NOT_FOUND' });

    // The past order shows it as it was bought.
    const order = await api.call<Order>('GET', `/api/orders/${placed.body.id}`, { token: earlier.token });
    expect(order.body.items).toEqual([{ productId: id, name, unitPriceCents: 500, quantity: 1 }]);

    // Only the manager still sees it, marked; restoring puts it back on sale.
    const managed = await api.call<{ items: Array<{ id: string; archivedAt: string | null }> }>('GET', `/api/admin/products?q=${encodeURIComponent(name)}`, { token: manager });
    expect(managed.body.items).toEqual([expect.objectContaining({ id, archivedAt: archived.body.archivedAt })]);
    expect((await api.call('GET', `/api/admin/products?q=${encodeURIComponent(name)}`, { token: later.token })).status).toBe(403);
    expect((await api.call('POST', `/api/admin/products/${id}/restore`, { token: manager })).status).toBe(200);
    expect((await api.call<Product>('GET', `/api/products/${id}`)).body.stock).toBe(4);
  });
});
