import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { recordedDenial } from '../support/recorded-denials';
import { checkout, customerWithOrder, inStockProduct, newShopper, tokenize, type Product } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

const SUPPORT = { email: 'support@storefront.test', password: 'Support-Demo-2026' };
const CATALOG = { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026' };
const SECURITY = { email: 'security@storefront.test', password: 'Security-Demo-2026' };

const userIdOf = async (token: string) => (await api.call<{ id: string }>('GET', '/api/me', { token })).body.id;

describe('roles and permissions through the running store (layer 5)', () => {
  it("answers a customer asking for another customer's order with 404, exactly like a missing one", async () => {
    const alice = await customerWithOrder(api);
    const mallory = await newShopper(api);
    const stolen = await api.call('GET', `/api/orders/${alice.orderId}`, { token: mallory.token });
    const missing = await api.call('GET', `/api/orders/${randomUUID()}`, { token: mallory.token });
    expect(stolen.status).toBe(404);
    expect(stolen.body).toEqual(missing.body);
    expect((await api.call('GET', `/api/orders/${alice.orderId}`, { token: alice.token })).status).toBe(200);
  });

  it("shows support any customer's order with the card's brand and last four digits, and nothing more of the card", async () => {
    const { orderId } = await customerWithOrder(api);
    const support = await signInStaff(api, SUPPORT.email, SUPPORT.password);
    const all = await api.call<{ items: Array<Record<string, unknown>> }>('GET', '/api/admin/orders', { token: support });
    expect(all.status, all.text).toBe(200);
    const order = all.body.items.find((o) => o.id === orderId);
    expect(order).toMatchObject({ brand: 'visa', last4: '4242', userId: expect.any(String), items: [expect.objectContaining({ quantity: 1 })] });
    expect(Object.keys(order!).filter((k) => /card|token|number|pan|cvc|exp/i.test(k))).toEqual([]);
    expect(all.text).not.toMatch(/4242\s?4242\s?4242\s?4242/);
  });

  it('refuses support every payment operation with 403 FORBIDDEN naming payments:pay:own, and the security desk sees the refusal', async () => {
    const support = await signInStaff(api, SUPPORT.email, SUPPORT.password);
    const tokenizing = await tokenize(api, support);
    expect(tokenizing.status, tokenizing.text).toBe(403);
    expect(tokenizing.body).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining('payments:pay:own') } });
    const paying = await checkout(api, support, `tok_${randomUUID()}`);
    expect(paying.status, paying.text).toBe(403);
    expect(paying.text).toContain('payments:pay:own');

    const analyst = await signInStaff(api, SECURITY.email, SECURITY.password);
    const denial = await recordedDenial(api, analyst, await userIdOf(support), 'payments:pay:own');
    expect(denial).toMatchObject({ actorUserId: expect.any(String), details: { permission: 'payments:pay:own', reason: 'missing_permission', roles: 'support' } });
  });

  it("lets the catalog manager change a price, served at once despite the edge cache, and refuses support's attempt", async () => {
    const catalog = await signInStaff(api, CATALOG.email, CATALOG.password);
    const product = await inStockProduct(api, 1);
    // Twice, so the second read is an edge-cache hit of the old price.
    await api.call('GET', `/api/products/${product.id}`);
    expect((await api.call('GET', `/api/products/${product.id}`)).headers['x-edge-cache']).toBe('HIT');
    const newPrice = product.priceCents + 100;
    const changed = await api.call<Product>('PATCH', `/api/products/${product.id}`, { token: catalog, body: { priceCents: newPrice } });
    expect(changed.status, changed.text).toBe(200);
    expect((await api.call<Product>('GET', `/api/products/${product.id}`)).body.priceCents).toBe(newPrice);

    const support = await signInStaff(api, SUPPORT.email, SUPPORT.password);
    const refused = await api.call('PATCH', `/api/products/${product.id}`, { token: support, body: { priceCents: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('catalog:write');
    expect((await api.call('PATCH', `/api/products/${product.id}`, { body: { priceCents: 1 } })).status).toBe(401);
    expect((await api.call<Product>('GET', `/api/products/${product.id}`)).body.priceCents).toBe(newPrice);
  });
});
