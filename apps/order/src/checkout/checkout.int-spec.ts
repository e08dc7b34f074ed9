import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADDRESS, type Caller, newKey, OrderHarness } from '../testing/order-harness';
import { hashRequest } from './request-hash';

describe('POST /orders: idempotent checkout (real PostgreSQL, mTLS stand-ins for catalog and vault)', () => {
  let h: OrderHarness;

  beforeAll(async () => {
    h = await OrderHarness.start(inject('postgresAdminUrl'));
  });
  afterAll(async () => h?.stop());

  /** A fresh customer with the given lines in their cart and an approving (or declining) card. */
  async function shopper(lines: Array<{ productId: string; quantity: number }>, approves = true): Promise<Caller & { cardToken: string }> {
    const caller = await h.user();
    for (const line of lines) expect((await h.call(caller, 'POST', '/cart/items', { body: line })).status).toBe(200);
    return { ...caller, cardToken: h.vault.addCard(caller.userId, approves) };
  }

  const checkout = (caller: Caller & { cardToken: string }, key: string | undefined, body: object = { cardToken: caller.cardToken, shippingAddress: ADDRESS }) =>
    h.call(caller, 'POST', '/orders', { body, idempotencyKey: key });

  const ordersOf = (userId: string) => h.prisma.order.count({ where: { userId } });
  const recordOf = (userId: string, key: string) => h.prisma.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });

  it('places a paid order priced by the catalog, charges once, and empties the cart', async () => {
    const mug = h.catalog.addProduct('Mug', 1200, 10);
    const tea = h.catalog.addProduct("Builder's Tea", 450, 10);
    const caller = await shopper([{ productId: mug, quantity: 2 }, { productId: tea, quantity: 1 }]);
    const res = await checkout(caller, newKey());
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.json).toMatchObject({ status: 'paid', total: 2 * 1200 + 450, currency: 'USD', brand: 'visa', last4: '4242', shippingAddress: ADDRESS });
    expect(Object.keys(res.json).sort()).toEqual(['brand', 'createdAt', 'currency', 'id', 'items', 'last4', 'shippingAddress', 'status', 'total']);
    expect(res.json.items).toEqual(
      expect.arrayContaining([
        { productId: mug, name: 'Mug', unitPriceCents: 1200, quantity: 2 },
        { productId: tea, name: "Builder's Tea", unitPriceCents: 450, quantity: 1 },
      ]),
    );
    expect(h.vault.chargesByOrder.get(res.json.id)).toBe(1);
    expect([h.catalog.stockOf(mug), h.catalog.stockOf(tea)]).toEqual([8, 9]);
    expect((await h.call(caller, 'GET', '/cart')).json).toEqual({ items: [], totalCents: 0, currency: 'USD' });
    expect((await h.call(caller, 'GET', `/orders/${res.json.id}`)).json).toEqual(res.json);
  });

  it('replays a completed Idempotency-Key: same 201 and order, Idempotent-Replayed: true, one charge', async () => {
    const product = h.catalog.addProduct('Kettle', 3900, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    const first = await checkout(caller, key);
    const again = await checkout(caller, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(h.vault.chargesByOrder.get(first.json.id)).toBe(1);
    expect(await ordersOf(caller.userId)).toBe(1);
    expect(h.catalog.stockOf(product)).toBe(4);
  });

  it('refuses the same key with a different body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const product = h.catalog.addProduct('Teapot', 2500, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    expect((await checkout(caller, key)).status).toBe(201);
    const reused = await checkout(caller, key, { cardToken: caller.cardToken, shippingAddress: { ...ADDRESS, city: 'Paris', country: 'FR' } });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ordersOf(caller.userId)).toBe(1);
  });

  it('keeps keys per user: another user with the same key gets their own order', async () => {
    const product = h.catalog.addProduct('Spoon', 300, 5);
    const alice = await shopper([{ productId: product, quantity: 1 }]);
    const bob = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    const a = await checkout(alice, key);
    const b = await checkout(bob, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.id).not.toBe(a.json.id);
  });

  it('answers a declined card with 402, writes no order, releases the stock and frees the key', async () => {
    const product = h.catalog.addProduct('Lamp', 8900, 3);
    const caller = await shopper([{ productId: product, quantity: 2 }], false);
    const key = newKey();
    const declined = await checkout(caller, key);
    expect(declined.status).toBe(402);
    expect(declined.json.error.code).toBe('CARD_DECLINED');
    expect(await ordersOf(caller.userId)).toBe(0);
    expect(await h.prisma.orderItem.count({ where: { productId: product } })).toBe(0);
    expect(h.catalog.stockOf(product)).toBe(3);
    expect(await recordOf(caller.userId, key)).toBeNull();
    expect((await h.call(caller, 'GET', '/cart')).json.items).toHaveLength(1);

    // The refusal did nothing, so the same key may be used again with another card.
    const goodCard = h.vault.addCard(caller.userId, true);
    const retry = await checkout(caller, key, { cardToken: goodCard, shippingAddress: ADDRESS });
    expect(retry.status).toBe(201);
    expect(h.catalog.stockOf(product)).toBe(1);
  });

  it("answers a token that is unknown or another user's with 404 CARD_NOT_FOUND and releases the stock", async () => {
    const product = h.catalog.addProduct('Vase', 4000, 2);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const stranger = await h.user();
    const strangersCard = h.vault.addCard(stranger.userId, true);
    const res = await checkout(caller, newKey(), { cardToken: strangersCard, shippingAddress: ADDRESS });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('CARD_NOT_FOUND');
    expect(await ordersOf(caller.userId)).toBe(0);
    expect(h.catalog.stockOf(product)).toBe(2);
  });

  it('answers a vault outage with 503, then completes the same order with one charge when retried with the same key', async () => {
    const product = h.catalog.addProduct('Clock', 6900, 4);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    h.vault.mode = 'down';
    try {
      const down = await checkout(caller, key);
      expect(down.status).toBe(503);
      expect(down.json.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      h.vault.mode = 'up';
    }
    expect(await ordersOf(caller.userId)).toBe(0);
    const pending = await recordOf(caller.userId, key);
    expect(pending).toMatchObject({ state: 'in_progress', leaseExpiresAt: null });

    const retry = await checkout(caller, key);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(pending!.orderId);
    expect(h.vault.chargesByOrder.get(retry.json.id)).toBe(1);
    expect(h.catalog.stockOf(product)).toBe(3);
    expect(await ordersOf(caller.userId)).toBe(1);
  });

  it('charges once when the vault charged but its answer was lost, and the client retries', async () => {
    const product = h.catalog.addProduct('Radio', 4900, 4);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    h.vault.mode = 'charge-then-fail';
    try {
      expect((await checkout(caller, key)).status).toBe(503);
    } finally {
      h.vault.mode = 'up';
    }
    const retry = await checkout(caller, key);
    expect(retry.status).toBe(201);
    expect(h.vault.totalCharges()).toBe([...h.vault.chargesByOrder.keys()].length);
    expect(h.vault.chargesByOrder.get(retry.json.id)).toBe(1);
    expect(h.catalog.stockOf(product)).toBe(3);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS while another request holds the key, and charges nothing', async () => {
    const product = h.catalog.addProduct('Busy', 1000, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    const body = { cardToken: caller.cardToken, shippingAddress: ADDRESS };
    await h.prisma.idempotencyRecord.create({
      data: {
        userId: caller.userId,
        key,
        requestHash: hashRequest(body),
        state: 'in_progress',
        orderId: randomUUID(),
        items: [{ productId: product, quantity: 1 }],
        leaseExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    const callsBefore = h.vault.calls;
    const res = await checkout(caller, key, body);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(h.vault.calls).toBe(callsBefore);
  });

  it('resumes a checkout whose worker died (lease expired) under the same order id', async () => {
    const product = h.catalog.addProduct('Orphan', 1000, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const key = newKey();
    const body = { cardToken: caller.cardToken, shippingAddress: ADDRESS };
    const orderId = randomUUID();
    await h.prisma.idempotencyRecord.create({
      data: { userId: caller.userId, key, requestHash: hashRequest(body), state: 'in_progress', orderId, items: [{ productId: product, quantity: 1 }], leaseExpiresAt: new Date(Date.now() - 1_000) },
    });
    const res = await checkout(caller, key, body);
    expect(res.status).toBe(201);
    expect(res.json.id).toBe(orderId);
    expect(h.vault.chargesByOrder.get(orderId)).toBe(1);
  });

  it('places exactly one order when 20 requests with the same key arrive at once', async () => {
    const product = h.catalog.addProduct('Board Game', 4500, 50);
    const caller = await shopper([{ productId: product, quantity: 2 }]);
    const key = newKey();
    const replies = await Promise.all(Array.from({ length: 20 }, () => checkout(caller, key)));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json.id)).size).toBe(1);
    for (const other of replies.filter((r) => r.status !== 201)) {
      expect(other.status).toBe(409);
      expect(other.json.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    expect(await ordersOf(caller.userId)).toBe(1);
    expect(h.vault.chargesByOrder.get(created[0].json.id)).toBe(1);
    expect(h.catalog.stockOf(product)).toBe(48);
  });

  it('sells the last item to one of two customers checking out at once; the other gets 409 OUT_OF_STOCK and is not charged', async () => {
    const product = h.catalog.addProduct('Last One Lamp', 8900, 1);
    const a = await shopper([{ productId: product, quantity: 1 }]);
    const b = await shopper([{ productId: product, quantity: 1 }]);
    const chargesBefore = h.vault.totalCharges();
    const replies = await Promise.all([checkout(a, newKey()), checkout(b, newKey())]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.json.error).toMatchObject({ code: 'OUT_OF_STOCK', details: { productId: product } });
    expect(h.vault.totalCharges()).toBe(chargesBefore + 1);
    expect(h.catalog.stockOf(product)).toBe(0);
  });

  it('answers an out-of-stock cart with 409 OUT_OF_STOCK, charges nothing and frees the key', async () => {
    const product = h.catalog.addProduct('Rare Print', 15000, 1);
    const caller = await shopper([{ productId: product, quantity: 2 }]);
    const key = newKey();
    const callsBefore = h.vault.calls;
    const res = await checkout(caller, key);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('OUT_OF_STOCK');
    expect(h.vault.calls).toBe(callsBefore);
    expect(await recordOf(caller.userId, key)).toBeNull();
  });

  it('answers a cart holding a product archived since it was added with 409 PRODUCT_ARCHIVED, charges nothing and frees the key', async () => {
    const product = h.catalog.addProduct('Discontinued Teapot', 2400, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    h.catalog.archive(product);
    const key = newKey();
    const callsBefore = h.vault.calls;
    const res = await checkout(caller, key);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'PRODUCT_ARCHIVED', details: { productId: product } });
    expect(h.vault.calls).toBe(callsBefore);
    expect(h.catalog.stockOf(product)).toBe(5);
    expect(await recordOf(caller.userId, key)).toBeNull();
    expect(await ordersOf(caller.userId)).toBe(0);
  });

  it('answers an empty cart with 422 CART_EMPTY and keeps no record for the key', async () => {
    const caller = { ...(await h.user()), cardToken: 'tok_unused_000' };
    const key = newKey();
    const res = await checkout(caller, key);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('CART_EMPTY');
    expect(await recordOf(caller.userId, key)).toBeNull();
  });

  describe('step-up above STEP_UP_CHECKOUT_ABOVE (default 50000 = 500.00)', () => {
    const FIVE_MINUTES_AND_A_BIT = 6 * 60;
    /** A shopper whose token says when they last proved a second factor (null: never in this session). */
    async function shopperWithMfa(mfaAt: number | null, lines: Array<{ productId: string; quantity: number }>) {
      const caller = await h.user(['customer'], { mfaAt });
      for (const line of lines) expect((await h.call(caller, 'POST', '/cart/items', { body: line })).status).toBe(200);
      return { ...caller, cardToken: h.vault.addCard(caller.userId, true) };
    }

    it.each([
      ['never proved a second factor', null],
      ['proved it more than five minutes ago', Math.floor(Date.now() / 1000) - FIVE_MINUTES_AND_A_BIT],
    ])('refuses a large order from a session that %s with 403 STEP_UP_REQUIRED: nothing recorded, reserved or charged', async (_label, mfaAt) => {
      const product = h.catalog.addProduct('Espresso machine', 30_000, 5);
      const caller = await shopperWithMfa(mfaAt, [{ productId: product, quantity: 2 }]);
      const key = newKey();
      const res = await checkout(caller, key);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('STEP_UP_REQUIRED');
      expect(h.catalog.stockOf(product)).toBe(5);
      expect(await ordersOf(caller.userId)).toBe(0);
      expect(await recordOf(caller.userId, key)).toBeNull();
      // The cart is kept, so the shopper can confirm and retry the same checkout.
      expect((await h.call(caller, 'GET', '/cart')).json.totalCents).toBe(60_000);
    });

    it('places the same large order for a session with a fresh proof', async () => {
      const product = h.catalog.addProduct('Espresso machine', 30_000, 5);
      const caller = await shopperWithMfa(Math.floor(Date.now() / 1000) - 60, [{ productId: product, quantity: 2 }]);
      const res = await checkout(caller, newKey());
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.total).toBe(60_000);
      expect(h.vault.chargesByOrder.get(res.json.id)).toBe(1);
    });

    it('lets an order at the threshold through without a proof', async () => {
      const product = h.catalog.addProduct('Grinder', 25_000, 5);
      const caller = await shopperWithMfa(null, [{ productId: product, quantity: 2 }]);
      const res = await checkout(caller, newKey());
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.total).toBe(50_000);
    });
  });

  it('requires an Idempotency-Key: missing → 400 IDEMPOTENCY_KEY_REQUIRED, malformed → 400 IDEMPOTENCY_KEY_INVALID', async () => {
    const product = h.catalog.addProduct('Pen', 200, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const missing = await checkout(caller, undefined);
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(129), "key';DROP TABLE orders;--"]) {
      const res = await checkout(caller, bad);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect(await ordersOf(caller.userId)).toBe(0);
  });

  it.each([
    ['an unknown field (a client-chosen total)', (t: string) => ({ cardToken: t, shippingAddress: ADDRESS, total: 1 })],
    ['an unknown address field', (t: string) => ({ cardToken: t, shippingAddress: { ...ADDRESS, isAdmin: true } })],
    ['client-supplied items', (t: string) => ({ cardToken: t, shippingAddress: ADDRESS, items: [{ productId: 'x', quantity: -1 }] })],
    ['a numeric card token', () => ({ cardToken: 4242424242424242, shippingAddress: ADDRESS })],
    ['an address that is a string', (t: string) => ({ cardToken: t, shippingAddress: 'London' })],
    ['no address', (t: string) => ({ cardToken: t })],
    ['a country that is not ISO 3166 alpha-2', (t: string) => ({ cardToken: t, shippingAddress: { ...ADDRESS, country: 'England' } })],
    ['a control character in the name', (t: string) => ({ cardToken: t, shippingAddress: { ...ADDRESS, name: 'Ada\u0000' } })],
    ['an over-long address line', (t: string) => ({ cardToken: t, shippingAddress: { ...ADDRESS, line1: 'x'.repeat(201) } })],
  ])('refuses %s with 400 VALIDATION_FAILED and charges nothing', async (_label, makeBody) => {
    const product = h.catalog.addProduct('Notebook', 900, 5);
    const caller = await shopper([{ productId: product, quantity: 1 }]);
    const callsBefore = h.vault.calls;
    const res = await checkout(caller, newKey(), makeBody(caller.cardToken));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(h.vault.calls).toBe(callsBefore);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const caller = await h.user();
    const res = await h.call(caller, 'POST', '/orders', { body: '{"cardToken":', idempotencyKey: newKey(), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('MALFORMED_JSON');
  });

  it('refuses a request without a valid access token with 401, and other service identities with 403', async () => {
    const noToken = await h.call(null, 'POST', '/orders', { body: { cardToken: 'tok_whatever', shippingAddress: ADDRESS }, idempotencyKey: newKey() });
    expect(noToken.status).toBe(401);
    expect(noToken.json.error.code).toBe('UNAUTHENTICATED');
    const forged = await h.call({ userId: 'x', token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLW5vdC12YWxpZA' }, 'GET', '/orders');
    expect(forged.status).toBe(401);
    const caller = await h.user();
    const asCatalog = await h.call(caller, 'GET', '/orders', { identity: 'catalog' });
    expect(asCatalog.status).toBe(403);
    expect(asCatalog.json.error.code).toBe('CLIENT_NOT_ALLOWED');
  });
});
