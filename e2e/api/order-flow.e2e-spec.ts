import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';
import { checkout, DECLINED_CARD, inStockProduct, newShopper, productNamed, tokenize } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

interface Order {
  id: string;
  status: string;
  total: number;
  last4: string;
  brand: string;
}

describe('the order flow through the gateway', () => {
  it('lets a new customer browse, fill a cart, pay with 4242 and see the order, showing only brand and last four', async () => {
    const shopper = await newShopper(api);
    const product = await inStockProduct(api, 3);
    expect((await api.call('GET', `/api/products/${product.id}`)).status).toBe(200);

    const cart = await api.call<{ totalCents: number }>('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 2 } });
    expect(cart.status, cart.text).toBe(200);
    expect(cart.body.totalCents).toBe(product.priceCents * 2);

    const card = await tokenize(api, shopper.token);
    expect(card.status, card.text).toBe(201);
    expect(card.body).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(card.text).not.toMatch(/4242424242424242/);

    const placed = await checkout(api, shopper.token, card.body.cardToken);
    expect(placed.status, placed.text).toBe(201);
    expect(placed.body).toMatchObject({ status: 'paid', total: product.priceCents * 2, last4: '4242' });
    expect(placed.text).not.toMatch(/4242424242424242|4242 4242/);

    const history = await api.call<{ items: Order[] }>('GET', '/api/orders', { token: shopper.token });
    expect(history.body.items.map((o) => o.id)).toEqual([placed.body.id]);
    const emptied = await api.call<{ items: unknown[] }>('GET', '/api/cart', { token: shopper.token });
    expect(emptied.body.items).toEqual([]);
    const after = await api.call<{ stock: number }>('GET', `/api/products/${product.id}`);
    expect(after.body.stock).toBe(product.stock - 2);
  });

  it('returns the same order for a replayed Idempotency-Key and charges once', async () => {
    const shopper = await newShopper(api);
    const product = await inStockProduct(api, 3, 1);
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
    const card = await tokenize(api, shopper.token);
    const key = randomUUID();
    const first = await checkout(api, shopper.token, card.body.cardToken, key);
    const replay = await checkout(api, shopper.token, card.body.cardToken, key);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const history = await api.call<{ items: Order[] }>('GET', '/api/orders', { token: shopper.token });
    expect(history.body.items).toHaveLength(1);
    const after = await api.call<{ stock: number }>('GET', `/api/products/${product.id}`);
    expect(after.body.stock).toBe(product.stock - 1);
  });

  it('declines 4000 0000 0000 0002 with 402, places no order and releases the stock', async () => {
    const shopper = await newShopper(api);
    const product = await inStockProduct(api, 3, 2);
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
    const card = await tokenize(api, shopper.token, DECLINED_CARD);
    expect(card.status).toBe(201);
    const declined = await checkout(api, shopper.token, card.body.cardToken);
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ error: { code: 'CARD_DECLINED' } });
    expect((await api.call<{ items: Order[] }>('GET', '/api/orders', { token: shopper.token })).body.items).toEqual([]);
    expect((await api.call<{ stock: number }>('GET', `/api/products/${product.id}`)).body.stock).toBe(product.stock);
  });

  it('refuses a Luhn-invalid card at tokenization with 400 INVALID_CARD', async () => {
    const shopper = await newShopper(api);
    const res = await tokenize(api, shopper.token, '4242 4242 4242 4241');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_CARD' } });
    expect(res.text).not.toContain('4242424242424241');
  });

  it('sells the last item to exactly one of two shoppers checking out at once', async () => {
    const lamp = await productNamed(api, 'Last One Lamp');
    expect(lamp.stock).toBe(1);
    const shoppers = await Promise.all([newShopper(api), newShopper(api)]);
    const cards = await Promise.all(
      shoppers.map(async (s) => {
        await api.call('POST', '/api/cart/items', { token: s.token, body: { productId: lamp.id, quantity: 1 } });
        return (await tokenize(api, s.token)).body.cardToken;
      }),
    );
    const results = await Promise.all(shoppers.map((s, i) => checkout(api, s.token, cards[i])));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: 'OUT_OF_STOCK' } });
    expect((await api.call<{ stock: number }>('GET', `/api/products/${lamp.id}`)).body.stock).toBe(0);
  });

  it('keeps orders private: another customer gets 404, a customer cannot open staff views, support can', async () => {
    const owner = await newShopper(api);
    const product = await inStockProduct(api, 3, 3);
    await api.call('POST', '/api/cart/items', { token: owner.token, body: { productId: product.id, quantity: 1 } });
    const placed = await checkout(api, owner.token, (await tokenize(api, owner.token)).body.cardToken);
    expect(placed.status).toBe(201);

    const stranger = await newShopper(api);
    expect((await api.call('GET', `/api/orders/${placed.body.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api.call('GET', '/api/admin/orders', { token: owner.token })).status).toBe(403);
    const support = await signInStaff(api, 'support@storefront.test', 'Support-Demo-2026');
    const staffView = await api.call<{ items: Array<{ id: string }> }>('GET', '/api/admin/orders', { token: support });
    expect(staffView.status).toBe(200);
    expect(staffView.body.items.map((o) => o.id)).toContain(placed.body.id);
    expect((await api.call('GET', '/api/cart')).status).toBe(401);
  });
});
