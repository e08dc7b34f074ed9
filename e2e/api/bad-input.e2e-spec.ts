import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';
import { inStockProduct, newShopper, type Product, SHIPPING } from '../support/shopper';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

let token: string;
let product: Product;

beforeAll(async () => {
  token = (await newShopper(api)).token;
  product = await inStockProduct(api, 1, 4);
});

const expectError = (res: { status: number; body: unknown }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
};

describe('bad input gets a clear 4xx in the contract error shape and writes nothing', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    expectError(await api.call('POST', '/api/cart/items', { token, rawBody: '{"productId": ' }), 400, 'MALFORMED_JSON');
  });

  it('unknown fields (a price set by the client) → 400 VALIDATION_FAILED', async () => {
    expectError(await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1, priceCents: 1 } }), 400, 'VALIDATION_FAILED');
  });

  it('a role at registration → 400 VALIDATION_FAILED', async () => {
    expectError(await api.call('POST', '/api/auth/register', { body: { email: 'x@example.test', password: 'long-enough-pw', name: 'X', role: 'admin' } }), 400, 'VALIDATION_FAILED');
  });

  it('wrong types and negative quantities → 400 VALIDATION_FAILED', async () => {
    expectError(await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 'two' } }), 400, 'VALIDATION_FAILED');
    expectError(await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: -3 } }), 400, 'VALIDATION_FAILED');
    expectError(await api.call('POST', '/api/cart/items', { token, body: { productId: 'not-a-uuid', quantity: 1 } }), 400, 'VALIDATION_FAILED');
  });

  it('a huge body → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await api.call('POST', '/api/cart/items', { token, rawBody: JSON.stringify({ productId: product.id, quantity: 1, pad: 'x'.repeat(2_000_000) }) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('checkout without an Idempotency-Key → 400, with an empty cart → 422 CART_EMPTY', async () => {
    const noKey = await api.call('POST', '/api/orders', { token, body: { cardToken: 'tok_aaaaaaaaaaaaaaaaaaaaaaaa', shippingAddress: SHIPPING } });
    expect(noKey.status).toBe(400);
    const empty = await api.call('POST', '/api/orders', { token, body: { cardToken: 'tok_aaaaaaaaaaaaaaaaaaaaaaaa', shippingAddress: SHIPPING }, headers: { 'idempotency-key': 'empty-cart-key-1' } });
    expectError(empty, 422, 'CART_EMPTY');
  });

  it('an unknown product id → 404, a non-uuid id → 400, an unknown API path → 404', async () => {
    expectError(await api.call('GET', '/api/products/00000000-0000-4000-8000-000000000000'), 404, 'PRODUCT_NOT_FOUND');
    expect((await api.call('GET', '/api/products/abc')).status).toBe(400);
    expectError(await api.call('GET', '/api/internal/reservations'), 404, 'NOT_FOUND');
  });

  it('none of the refused requests above left anything in the cart or the order history', async () => {
    expect((await api.call<{ items: unknown[] }>('GET', '/api/cart', { token })).body.items).toEqual([]);
    expect((await api.call<{ items: unknown[] }>('GET', '/api/orders', { token })).body.items).toEqual([]);
  });
});
