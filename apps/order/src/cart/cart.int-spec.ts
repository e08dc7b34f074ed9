import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OrderHarness } from '../testing/order-harness';

describe('cart (real PostgreSQL, mTLS catalog stand-in)', () => {
  let h: OrderHarness;

  beforeAll(async () => {
    h = await OrderHarness.start(inject('postgresAdminUrl'));
  });
  afterAll(async () => h?.stop());

  it('starts empty', async () => {
    const caller = await h.user();
    const res = await h.call(caller, 'GET', '/cart');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ items: [], totalCents: 0, currency: 'USD' });
  });

  it('prices lines from the catalog and sums them', async () => {
    const mug = h.catalog.addProduct('Mug', 1250, 10);
    const pen = h.catalog.addProduct('Pen', 199, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: mug, quantity: 2 } });
    const res = await h.call(caller, 'POST', '/cart/items', { body: { productId: pen, quantity: 3 } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      items: [
        { productId: mug, name: 'Mug', unitPriceCents: 1250, quantity: 2, lineTotalCents: 2500 },
        { productId: pen, name: 'Pen', unitPriceCents: 199, quantity: 3, lineTotalCents: 597 },
      ],
      totalCents: 3097,
      currency: 'USD',
    });
  });

  it('shows the current catalog price, not the price when the line was added', async () => {
    const product = h.catalog.addProduct('Plant', 1000, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 1 } });
    h.catalog.products.get(product)!.priceCents = 1500;
    expect((await h.call(caller, 'GET', '/cart')).json.totalCents).toBe(1500);
  });

  it('sets the quantity absolutely: repeating a request changes nothing', async () => {
    const product = h.catalog.addProduct('Candle', 2200, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 3 } });
    await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 3 } });
    expect((await h.call(caller, 'GET', '/cart')).json.items[0].quantity).toBe(3);
    const lowered = await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 1 } });
    expect(lowered.json.items).toEqual([expect.objectContaining({ productId: product, quantity: 1 })]);
  });

  it('does not check stock when adding (checkout does)', async () => {
    const product = h.catalog.addProduct('Scarce', 500, 1);
    const caller = await h.user();
    const res = await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 5 } });
    expect(res.status).toBe(200);
  });

  it('removes a line with DELETE and returns the cart; removing again is harmless', async () => {
    const keep = h.catalog.addProduct('Keep', 100, 10);
    const drop = h.catalog.addProduct('Drop', 100, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: keep, quantity: 1 } });
    await h.call(caller, 'POST', '/cart/items', { body: { productId: drop, quantity: 1 } });
    const res = await h.call(caller, 'DELETE', `/cart/items/${drop}`);
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: { productId: string }) => i.productId)).toEqual([keep]);
    expect((await h.call(caller, 'DELETE', `/cart/items/${drop}`)).status).toBe(200);
  });

  it('answers an unknown product with 404 PRODUCT_NOT_FOUND and adds nothing', async () => {
    const caller = await h.user();
    const res = await h.call(caller, 'POST', '/cart/items', { body: { productId: randomUUID(), quantity: 1 } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('PRODUCT_NOT_FOUND');
    expect(await h.prisma.cartItem.count({ where: { userId: caller.userId } })).toBe(0);
  });

  it('drops a line whose product the catalog withdrew', async () => {
    const product = h.catalog.addProduct('Discontinued', 100, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 1 } });
    h.catalog.products.delete(product);
    expect((await h.call(caller, 'GET', '/cart')).json.items).toEqual([]);
    expect(await h.prisma.cartItem.count({ where: { userId: caller.userId } })).toBe(0);
  });

  it('keeps carts apart: one user never sees or changes another user’s cart', async () => {
    const product = h.catalog.addProduct('Private', 100, 10);
    const alice = await h.user();
    const bob = await h.user();
    await h.call(alice, 'POST', '/cart/items', { body: { productId: product, quantity: 4 } });
    expect((await h.call(bob, 'GET', '/cart')).json.items).toEqual([]);
    await h.call(bob, 'DELETE', `/cart/items/${product}`);
    expect((await h.call(alice, 'GET', '/cart')).json.items).toHaveLength(1);
  });

  it.each([
    ['quantity 0', (p: string) => ({ productId: p, quantity: 0 })],
    ['a negative quantity', (p: string) => ({ productId: p, quantity: -1 })],
    ['quantity 21', (p: string) => ({ productId: p, quantity: 21 })],
    ['a fractional quantity', (p: string) => ({ productId: p, quantity: 1.5 })],
    ['a string quantity', (p: string) => ({ productId: p, quantity: '2' })],
    ['a price from the client', (p: string) => ({ productId: p, quantity: 1, unitPriceCents: 1 })],
    ['a name from the client', (p: string) => ({ productId: p, quantity: 1, name: 'Free stuff' })],
    ['a non-UUID product id', () => ({ productId: '1 OR 1=1', quantity: 1 })],
    ['a user id from the client', (p: string) => ({ productId: p, quantity: 1, userId: randomUUID() })],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, makeBody) => {
    const product = h.catalog.addProduct('Validated', 100, 10);
    const caller = await h.user();
    const res = await h.call(caller, 'POST', '/cart/items', { body: makeBody(product) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(await h.prisma.cartItem.count({ where: { userId: caller.userId } })).toBe(0);
  });

  it('refuses a non-UUID product id on DELETE with 400', async () => {
    const caller = await h.user();
    const res = await h.call(caller, 'DELETE', '/cart/items/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('limits a cart to 50 different products with 422 CART_FULL', async () => {
    const caller = await h.user();
    for (let i = 0; i < 50; i++) {
      const product = h.catalog.addProduct(`Bulk ${i}`, 100, 10);
      await h.prisma.cartItem.create({ data: { userId: caller.userId, productId: product, quantity: 1 } });
    }
    const one = h.catalog.addProduct('One too many', 100, 10);
    const res = await h.call(caller, 'POST', '/cart/items', { body: { productId: one, quantity: 1 } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('CART_FULL');
  });

  it('answers 503 SERVICE_UNAVAILABLE, not 500, when the catalog cannot be reached', async () => {
    const product = h.catalog.addProduct('Any', 100, 10);
    const caller = await h.user();
    await h.call(caller, 'POST', '/cart/items', { body: { productId: product, quantity: 1 } });
    const original = h.catalog.products.get(product)!;
    // A reply the order service cannot trust counts as an outage.
    h.catalog.products.set(product, { ...original, priceCents: -5 });
    const res = await h.call(caller, 'GET', '/cart');
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('SERVICE_UNAVAILABLE');
    h.catalog.products.set(product, original);
  });

  it('requires a bearer token', async () => {
    const res = await h.call(null, 'GET', '/cart');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
  });
});
