import { describe, expect, it } from 'vitest';
import { normalizeOrder } from './orders';

describe('normalizeOrder', () => {
  it('reads the create response, where the total is called "total"', () => {
    expect(normalizeOrder({ id: 'o1', status: 'paid', total: 2598, last4: '4242', brand: 'visa' })).toEqual({
      id: 'o1',
      status: 'paid',
      totalCents: 2598,
      currency: 'USD',
      brand: 'visa',
      last4: '4242',
      createdAt: '',
      items: [],
    });
  });

  it('reads a detail response with items and currency', () => {
    const order = normalizeOrder({
      id: 'o2',
      status: 'PAID',
      totalCents: 3000,
      currency: 'EUR',
      last4: '4242',
      brand: 'visa',
      createdAt: '2025-01-01T10:00:00Z',
      items: [{ productId: 'p1', name: 'Mug', unitPriceCents: 1500, quantity: 2, lineTotalCents: 3000 }],
    });
    expect(order.currency).toBe('EUR');
    expect(order.items).toEqual([{ productId: 'p1', name: 'Mug', unitPriceCents: 1500, quantity: 2, lineTotalCents: 3000 }]);
  });

  it('accepts a total given as an object', () => {
    expect(normalizeOrder({ id: 'o3', total: { amountCents: 999, currency: 'GBP' } })).toMatchObject({ totalCents: 999, currency: 'GBP' });
  });

  it('computes a missing line total and survives garbage', () => {
    expect(normalizeOrder({ items: [{ name: 'Tea', priceCents: 250, quantity: 3 }] }).items[0].lineTotalCents).toBe(750);
    expect(normalizeOrder(null)).toMatchObject({ id: '', totalCents: 0, items: [] });
    expect(normalizeOrder({ totalCents: '12' }).totalCents).toBe(0);
  });
});
