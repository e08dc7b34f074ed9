import { decodeJwt } from 'jose';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkout, newShopper, type Product, tokenize } from '../support/shopper';
import { signInStaff, staffTotpCode } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

/** Above the order service's default STEP_UP_CHECKOUT_ABOVE (50000 = 500.00). */
const STEP_UP_CHECKOUT_ABOVE = 50_000;

describe('step-up: a fresh second-factor proof through /api/auth/step-up', () => {
  it('gives a signed-in staff member a fresh token with a newer mfa_at that the staff routes accept; the same code twice is refused', async () => {
    const email = 'security@storefront.test';
    const token = await signInStaff(api, email, 'Security-Demo-2026');
    const code = await staffTotpCode(email);
    const stepped = await api.call<{ accessToken: string; expiresIn: number }>('POST', '/api/auth/step-up', { token, body: { code } });
    expect(stepped.status, stepped.text).toBe(200);
    const fresh = decodeJwt(stepped.body.accessToken);
    expect(fresh.mfa_at).toBeGreaterThanOrEqual(decodeJwt(token).mfa_at as number);
    expect(fresh.sid).toBe(decodeJwt(token).sid);
    const alerts = await api.call('GET', '/api/admin/alerts?limit=1', { token: stepped.body.accessToken });
    expect(alerts.status, alerts.text).toBe(200);

    const replay = await api.call('POST', '/api/auth/step-up', { token, body: { code } });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: { code: 'MFA_CODE_INVALID' } });
  });

  it('refuses a large checkout from a password-only session with 403 STEP_UP_REQUIRED (no order), and tells an account without MFA to enrol', async () => {
    const shopper = await newShopper(api);
    const quantityAbove = (p: Product) => Math.floor(STEP_UP_CHECKOUT_ABOVE / p.priceCents) + 1;
    const { items } = (await api.call<{ items: Product[] }>('GET', '/api/products?pageSize=48')).body;
    const product = items.filter((p) => p.stock >= quantityAbove(p)).sort((a, b) => b.priceCents - a.priceCents)[0];
    expect(product, 'a product with enough stock for an order above the step-up amount').toBeDefined();
    const quantity = quantityAbove(product);
    expect((await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity } })).status).toBe(200);
    const card = await tokenize(api, shopper.token);
    expect(card.status, card.text).toBe(201);

    const refused = await checkout(api, shopper.token, card.body.cardToken);
    expect(refused.status, refused.text).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'STEP_UP_REQUIRED' } });
    expect((await api.call<{ items: unknown[] }>('GET', '/api/orders', { token: shopper.token })).body.items).toHaveLength(0);

    const stepUp = await api.call('POST', '/api/auth/step-up', { token: shopper.token, body: { code: '123456' } });
    expect(stepUp.status).toBe(409);
    expect(stepUp.body).toMatchObject({ error: { code: 'MFA_NOT_ENROLLED', message: expect.stringMatching(/Account page/) } });
  });
});
