import { afterAll, describe, expect, inject, it } from 'vitest';
import { newShopper } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

interface KeyView {
  kid: string;
  state: string;
  activatesAt: string;
}

describe('rotating the token signing key', () => {
  it('is for admins only', async () => {
    const shopper = await newShopper(api);
    const refused = await api.call('POST', '/api/admin/signing-keys/rotate', { token: shopper.token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('pre-publishes the next key and logs nobody out', async () => {
    const shopper = await newShopper(api);
    const admin = await signInStaff(api, 'admin@storefront.test', 'Admin-Demo-2026');
    const before = await api.call<{ keys: KeyView[] }>('GET', '/api/admin/signing-keys', { token: admin });
    expect(before.status, before.text).toBe(200);
    const active = before.body.keys.find((key) => key.state === 'active');
    expect(active).toBeDefined();

    const rotated = await api.call<{ kid: string; activatesAt: string }>('POST', '/api/admin/signing-keys/rotate', { token: admin });
    expect(rotated.status, rotated.text).toBe(201);
    expect(rotated.body.kid).not.toBe(active?.kid);
    expect(Date.parse(rotated.body.activatesAt)).toBeGreaterThan(Date.now());

    const after = await api.call<{ keys: KeyView[] }>('GET', '/api/admin/signing-keys', { token: admin });
    expect(after.body.keys).toEqual(
      expect.arrayContaining([expect.objectContaining({ kid: active?.kid, state: 'active' }), expect.objectContaining({ kid: rotated.body.kid, state: 'pending' })]),
    );
    // Tokens issued before the rotation keep working everywhere they are checked (gateway and services).
    expect((await api.call('GET', '/api/me', { token: shopper.token })).status).toBe(200);
    expect((await api.call('GET', '/api/cart', { token: shopper.token })).status).toBe(200);
    expect((await api.call('GET', '/api/orders', { token: shopper.token })).status).toBe(200);
  });
});
