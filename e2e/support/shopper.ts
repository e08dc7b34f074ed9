import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { StorefrontClient } from './storefront-client';

export interface Product {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
}

export const APPROVED_CARD = '4242 4242 4242 4242';
export const DECLINED_CARD = '4000 0000 0000 0002';
export const SHIPPING = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/** A freshly registered customer, signed in. */
export async function newShopper(api: StorefrontClient): Promise<{ email: string; token: string }> {
  const email = `shopper-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const registered = await api.call('POST', '/api/auth/register', { body: { email, password, name: 'E2E Shopper' } });
  expect(registered.status, registered.text).toBe(201);
  return { email, token: await signIn(api, email, password) };
}

export async function signIn(api: StorefrontClient, email: string, password: string): Promise<string> {
  const login = await api.call<{ accessToken: string }>('POST', '/api/auth/login', { body: { email, password } });
  expect(login.status, login.text).toBe(200);
  return login.body.accessToken;
}

export async function productNamed(api: StorefrontClient, name: string): Promise<Product> {
  const res = await api.call<{ items: Product[] }>('GET', `/api/products?q=${encodeURIComponent(name)}`);
  const product = res.body.items.find((p) => p.name === name);
  if (!product) throw new Error(`no product named ${name}`);
  return product;
}

export async function inStockProduct(api: StorefrontClient, minimumStock: number, skip = 0): Promise<Product> {
  const res = await api.call<{ items: Product[] }>('GET', '/api/products?pageSize=48');
  const product = res.body.items.filter((p) => p.stock >= minimumStock)[skip];
  if (!product) throw new Error(`no product with stock ≥ ${minimumStock}`);
  return product;
}

/** The order service's default STEP_UP_CHECKOUT_ABOVE (50000 = 500.00): a larger checkout needs a fresh second factor. */
export const STEP_UP_CHECKOUT_ABOVE = 50_000;

/** A product with the stock for an order above the step-up amount, and how many of it make one. */
export async function largeOrderProduct(api: StorefrontClient): Promise<{ product: Product; quantity: number }> {
  const quantityAbove = (p: Product) => Math.floor(STEP_UP_CHECKOUT_ABOVE / p.priceCents) + 1;
  const { items } = (await api.call<{ items: Product[] }>('GET', '/api/products?pageSize=48')).body;
  const product = items.filter((p) => p.stock >= quantityAbove(p)).sort((a, b) => b.priceCents - a.priceCents)[0];
  if (!product) throw new Error('no product with the stock for an order above the step-up amount');
  return { product, quantity: quantityAbove(product) };
}

export async function tokenize(api: StorefrontClient, token: string, number = APPROVED_CARD) {
  return api.call<{ cardToken: string; brand: string; last4: string }>('POST', '/api/payments/cards', {
    token,
    body: { number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Ada Lovelace' },
  });
}

export function checkout(api: StorefrontClient, token: string, cardToken: string, idempotencyKey = randomUUID()) {
  return api.call<{ id: string; status: string; total: number; last4: string }>('POST', '/api/orders', {
    token,
    body: { cardToken, shippingAddress: SHIPPING },
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** A new customer with one paid order (one item, card 4242). */
export async function customerWithOrder(api: StorefrontClient): Promise<{ token: string; orderId: string }> {
  const shopper = await newShopper(api);
  const product = await inStockProduct(api, 2);
  const cart = await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
  expect(cart.status, cart.text).toBe(200);
  const card = await tokenize(api, shopper.token);
  const placed = await checkout(api, shopper.token, card.body.cardToken);
  expect(placed.status, placed.text).toBe(201);
  return { token: shopper.token, orderId: placed.body.id };
}
