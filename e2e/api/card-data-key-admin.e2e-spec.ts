import { afterAll, describe, expect, inject, it } from 'vitest';
import { newShopper, tokenize } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

/**
 * Issue 5, point 3: the admin's "rotate now" and the rewrap's progress, through
 * the gateway to the vault (which checks no tokens: the gateway checks
 * keys:rotate and a fresh second factor, then signs an assertion bound to
 * the exact method and path).
 */

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), '127.0.0.63');
afterAll(() => api.close());

interface Progress {
  totalKeys: number;
  onCurrentVersion: number;
  remaining: number;
  running: boolean;
  currentKeyMaterialId: string;
  lastRun: { outcome: string } | null;
}

describe('card-data key administration through the gateway', () => {
  it('refuses a shopper and a support agent (no keys:rotate), before anything reaches the vault', async () => {
    const shopper = await newShopper(api);
    const support = await signInStaff(api, 'support@storefront.test', 'Support-Demo-2026');
    for (const token of [shopper.token, support]) {
      for (const [method, route] of [['GET', '/api/admin/keys/rewrap'], ['POST', '/api/admin/keys/rotate']] as const) {
        const refused = await api.call(method, route, { token });
        expect(refused.status, `${method} ${route}`).toBe(403);
        expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('shows an admin every stored card key and how many are on the newest master key version', async () => {
    const shopper = await newShopper(api);
    expect((await tokenize(api, shopper.token)).status).toBe(201);
    const admin = await signInStaff(api, 'admin@storefront.test', 'Admin-Demo-2026');
    const progress = await api.call<Progress>('GET', '/api/admin/keys/rewrap', { token: admin });
    expect(progress.status, progress.text).toBe(200);
    expect(progress.body.totalKeys).toBeGreaterThanOrEqual(1);
    expect(progress.body.onCurrentVersion + progress.body.remaining).toBe(progress.body.totalKeys);
  });

  it('lets an admin rotate now and watch every stored key reach the new version', async () => {
    const admin = await signInStaff(api, 'admin@storefront.test', 'Admin-Demo-2026');
    const before = await api.call<Progress>('GET', '/api/admin/keys/rewrap', { token: admin });
    const rotated = await api.call<Progress>('POST', '/api/admin/keys/rotate', { token: admin });
    expect(rotated.status, rotated.text).toBe(202);
    expect(rotated.body.currentKeyMaterialId).not.toBe(before.body.currentKeyMaterialId);
    await expect
      .poll(async () => (await api.call<Progress>('GET', '/api/admin/keys/rewrap', { token: admin })).body, { timeout: 20_000 })
      .toMatchObject({ running: false, remaining: 0, lastRun: { outcome: 'finished' } });
  });
});
