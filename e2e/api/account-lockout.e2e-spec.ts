import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';
import { signIn } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

describe('brute force against one account (PCI DSS 8.3.4)', () => {
  it('locks the account after 10 failures, even for the right password, until support unlocks it', async () => {
    const email = `target-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const registered = await api.call<{ id: string }>('POST', '/api/auth/register', { body: { email, password, name: 'Target' } });
    expect(registered.status).toBe(201);

    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await api.call('POST', '/api/auth/login', { body: { email, password: `wrong-${attempt}-password` } });
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const locked = await api.call('POST', '/api/auth/login', { body: { email, password } });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/locked until/) } });

    const customer = await signIn(api, 'customer@storefront.test', 'Customer-Demo-2026');
    expect((await api.call('POST', `/api/admin/users/${registered.body.id}/unlock`, { token: customer })).status).toBe(403);

    const support = await signInStaff(api, 'support@storefront.test', 'Support-Demo-2026');
    const unlocked = await api.call('POST', `/api/admin/users/${registered.body.id}/unlock`, { token: support });
    expect(unlocked.status, unlocked.text).toBe(200);
    expect((await api.call('POST', '/api/auth/login', { body: { email, password } })).status).toBe(200);
  }, 120_000);
});
