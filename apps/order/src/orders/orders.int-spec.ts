import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADDRESS, type Caller, newKey, OrderHarness } from '../testing/order-harness';

describe('orders and the staff view (real PostgreSQL)', () => {
  let h: OrderHarness;

  beforeAll(async () => {
    h = await OrderHarness.start(inject('postgresAdminUrl'));
  });
  afterAll(async () => h?.stop());

  async function placeOrder(caller: Caller, name = 'Thing'): Promise<{ id: string }> {
    const productId = h.catalog.addProduct(name, 1000, 10);
    await h.call(caller, 'POST', '/cart/items', { body: { productId, quantity: 1 } });
    const res = await h.call(caller, 'POST', '/orders', { body: { cardToken: h.vault.addCard(caller.userId, true), shippingAddress: ADDRESS }, idempotencyKey: newKey() });
    expect(res.status).toBe(201);
    return res.json;
  }

  it("lists only the caller's own orders, newest first", async () => {
    const alice = await h.user();
    const bob = await h.user();
    const first = await placeOrder(alice, 'First');
    const second = await placeOrder(alice, 'Second');
    await placeOrder(bob);
    const res = await h.call(alice, 'GET', '/orders');
    expect(res.status).toBe(200);
    expect(res.json.items.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
    expect(res.json.items[0]).not.toHaveProperty('userId');
  });

  it("answers another user's order with 404 ORDER_NOT_FOUND, the same as a missing one", async () => {
    const alice = await h.user();
    const mallory = await h.user();
    const order = await placeOrder(alice);
    const stolen = await h.call(mallory, 'GET', `/orders/${order.id}`);
    const missing = await h.call(mallory, 'GET', `/orders/${randomUUID()}`);
    expect(stolen.status).toBe(404);
    expect(stolen.json).toEqual(missing.json);
    expect(stolen.json.error.code).toBe('ORDER_NOT_FOUND');
    expect((await h.call(alice, 'GET', `/orders/${order.id}`)).status).toBe(200);
  });

  it('answers a non-UUID order id with 400', async () => {
    const caller = await h.user();
    const res = await h.call(caller, 'GET', '/orders/1%20OR%201=1');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('lets support look up any order by id, however old, and answers a missing one 404 and a customer 403', async () => {
    const customer = await h.user();
    const order = await placeOrder(customer);
    const support = await h.user(['support']);
    const found = await h.call(support, 'GET', `/admin/orders/${order.id}`);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ id: order.id, userId: customer.userId, brand: expect.any(String), last4: '4242' });
    const missing = await h.call(support, 'GET', `/admin/orders/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('ORDER_NOT_FOUND');
    const asCustomer = await h.call(customer, 'GET', `/admin/orders/${order.id}`);
    expect(asCustomer.status).toBe(403);
  });

  it('shows support staff every order, with its owner', async () => {
    const customer = await h.user();
    const order = await placeOrder(customer);
    const support = await h.user(['support']);
    const res = await h.call(support, 'GET', '/admin/orders');
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: order.id, userId: customer.userId, last4: '4242' })]));
    expect((await h.call(await h.user(['admin']), 'GET', '/admin/orders')).status).toBe(200);
  });

  it('refuses the staff view to customers and security staff with 403 FORBIDDEN', async () => {
    for (const roles of [['customer'], ['security-analyst'], []] as const) {
      const res = await h.call(await h.user([...roles]), 'GET', '/admin/orders');
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
    }
  });
});
