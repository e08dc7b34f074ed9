import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { eventually } from '@storefront/platform/testing';
import { StorefrontClient } from '../support/storefront-client';
import { signIn } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

interface Alert {
  id: string;
  rule: string;
  severity: string;
  subjects: string[];
}

describe('layer 6: the monitor through the gateway', () => {
  it('turns failed sign-ins into an alert that security staff can open, with the events behind it', async () => {
    const email = `watched-${randomUUID()}@example.test`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await api.call('POST', '/api/auth/login', { body: { email, password: `wrong-${attempt}-password` } })).status).toBe(401);
    }
    const security = await signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
    const alert = await eventually(async () => {
      const res = await api.call<{ items: Alert[] }>('GET', '/api/admin/alerts?limit=200', { token: security });
      expect(res.status).toBe(200);
      return res.body.items.find((a) => a.subjects.includes(`email:${email}`));
    }, 15_000);
    expect(alert).toMatchObject({ rule: 'auth.brute_force', severity: 'high' });

    const detail = await api.call<{ events: Array<{ type: string; actorEmail: string }> }>('GET', `/api/admin/alerts/${alert.id}`, { token: security });
    expect(detail.status).toBe(200);
    expect(detail.body.events.length).toBeGreaterThanOrEqual(5);
    expect(detail.body.events.every((e) => e.type === 'auth.login.failed' && e.actorEmail === email)).toBe(true);
  });

  it('refuses the alerts and the audit check to a customer', async () => {
    const customer = await signIn(api, 'customer@storefront.test', 'Customer-Demo-2026');
    expect((await api.call('GET', '/api/admin/alerts', { token: customer })).status).toBe(403);
    expect((await api.call('GET', '/api/admin/audit/verify', { token: customer })).status).toBe(403);
  });

  it('verifies the audit log for security staff', async () => {
    const security = await signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
    const res = await api.call<{ valid: boolean; checked: number }>('GET', '/api/admin/audit/verify', { token: security });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, checked: expect.any(Number) });
  });

  // The monitor's lock response calls auth directly over mTLS; this proves the real auth route it relies on.
  it.skipIf(inject('logDir') === '')('lets the monitor (and only the monitor) lock an account in auth', async () => {
    const authPort = Number(new URL(inject('baseUrl')).port) - 8443 + 3001;
    const asService = (identity: string) => new ServiceClient({ name: 'auth', baseUrl: `https://127.0.0.1:${authPort}` }, loadTlsIdentity(inject('tlsDir'), identity));
    const email = `lockme-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const registered = await api.call<{ id: string }>('POST', '/api/auth/register', { body: { email, password, name: 'Lock Me' } });
    expect(registered.status).toBe(201);

    const monitor = asService('monitor');
    const gateway = asService('gateway');
    try {
      await expect(gateway.json({ method: 'POST', path: `/internal/users/${registered.body.id}/lock`, body: { durationSeconds: 600 } })).rejects.toMatchObject({ status: 403 });
      await expect(monitor.json({ method: 'POST', path: `/internal/users/${registered.body.id}/lock`, body: { durationSeconds: 5 } })).rejects.toMatchObject({ status: 400 });
      await expect(monitor.json({ method: 'POST', path: `/internal/users/${randomUUID()}/lock`, body: { durationSeconds: 600 } })).rejects.toMatchObject({ status: 404 });
      const locked = await monitor.json<{ lockedUntil: string }>({ method: 'POST', path: `/internal/users/${registered.body.id}/lock`, body: { durationSeconds: 600 } });
      expect(new Date(locked.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 500_000);
      const signInAttempt = await api.call('POST', '/api/auth/login', { body: { email, password } });
      expect(signInAttempt.status).toBe(423);
    } finally {
      monitor.close();
      gateway.close();
    }
  });
});
