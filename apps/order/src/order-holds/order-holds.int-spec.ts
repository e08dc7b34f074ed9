import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADDRESS, type Caller, newKey, OrderHarness } from '../testing/order-harness';

describe('holding an order for review (the monitor) and releasing it (support), real PostgreSQL', () => {
  let h: OrderHarness;
  beforeAll(async () => {
    h = await OrderHarness.start(inject('postgresAdminUrl'));
  });
  afterAll(async () => h?.stop());

  async function placeOrder(caller: Caller): Promise<{ id: string }> {
    const productId = h.catalog.addProduct('Watch', 1000, 10);
    await h.call(caller, 'POST', '/cart/items', { body: { productId, quantity: 1 } });
    const res = await h.call(caller, 'POST', '/orders', { body: { cardToken: h.vault.addCard(caller.userId, true), shippingAddress: ADDRESS }, idempotencyKey: newKey() });
    expect(res.status).toBe(201);
    return res.json;
  }
  const hold = (orderId: string, identity = 'monitor', reason = 'alert 1: unusual purchase') =>
    h.call(null, 'POST', `/internal/orders/${orderId}/hold`, { body: { reason }, identity });

  it('holds a paid order: the customer sees held_for_review, and holding again changes nothing', async () => {
    const customer = await h.user();
    const order = await placeOrder(customer);
    const first = await hold(order.id);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ id: order.id, status: 'held_for_review', changed: true });
    expect((await h.call(customer, 'GET', `/orders/${order.id}`)).json.status).toBe('held_for_review');
    // A redelivered alert: idempotent.
    expect((await hold(order.id)).json).toEqual({ id: order.id, status: 'held_for_review', changed: false });
    const row = await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.holdReason).toBe('alert 1: unusual purchase');
    expect(row.heldAt).toBeInstanceOf(Date);
  });

  it('lets only the monitor hold (403 for the gateway identity), and answers a missing order 404', async () => {
    const order = await placeOrder(await h.user());
    const fromGateway = await hold(order.id, 'gateway');
    expect(fromGateway.status).toBe(403);
    expect(fromGateway.json.error.code).toBe('CLIENT_NOT_ALLOWED');
    expect((await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('paid');
    const missing = await hold(randomUUID());
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('ORDER_NOT_FOUND');
  });

  it('refuses a reason with control characters or of the wrong size (400), never a 500', async () => {
    const order = await placeOrder(await h.user());
    for (const reason of ['x', 'line one\nline two', 'r'.repeat(201)]) {
      const res = await hold(order.id, 'monitor', reason);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('lets support release a held order after review; a second release is 409 ORDER_NOT_HELD', async () => {
    const order = await placeOrder(await h.user());
    await hold(order.id);
    const support = await h.user(['support']);
    const released = await h.call(support, 'POST', `/admin/orders/${order.id}/release`);
    expect(released.status).toBe(200);
    expect(released.json).toEqual({ id: order.id, status: 'paid', changed: true });
    const again = await h.call(support, 'POST', `/admin/orders/${order.id}/release`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ORDER_NOT_HELD');
  });

  it('refuses the release to a customer (403) and to support without a fresh second factor (STEP_UP_REQUIRED)', async () => {
    const order = await placeOrder(await h.user());
    await hold(order.id);
    const customer = await h.call(await h.user(), 'POST', `/admin/orders/${order.id}/release`);
    expect(customer.status).toBe(403);
    expect(customer.json.error.code).toBe('FORBIDDEN');
    const staleSupport = await h.user(['support'], { mfaAt: Math.floor(Date.now() / 1000) - 3600 });
    const stale = await h.call(staleSupport, 'POST', `/admin/orders/${order.id}/release`);
    expect(stale.status).toBe(403);
    expect(stale.json.error.code).toBe('STEP_UP_REQUIRED');
    expect((await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('held_for_review');
  });
});
