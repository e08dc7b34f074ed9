import { afterAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

interface ServiceCertificates {
  services: Array<{ service: string; certificate?: { identity: string; validTo: string }; note?: string }>;
}

const DAY_MS = 86_400_000;

describe('service certificates (layer 2, made visible)', () => {
  it('shows security staff each service identity and a short-lived expiry, as presented over mTLS', async () => {
    const security = await signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
    const res = await api.call<ServiceCertificates>('GET', '/api/admin/certificates', { token: security });
    expect(res.status, res.text).toBe(200);
    const byService = new Map(res.body.services.map((s) => [s.service, s]));
    for (const service of ['gateway', 'auth', 'catalog', 'order', 'payment-vault', 'monitor']) {
      const cert = byService.get(service)?.certificate;
      // The identity on the wire is the service's own name: the gateway checked it before reading it.
      expect(cert?.identity).toBe(service);
      const left = Date.parse(cert?.validTo ?? '') - Date.now();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(8 * DAY_MS);
    }
    expect(byService.get('kms')).toMatchObject({ note: expect.stringMatching(/vault zone/) });
  });

  it('is refused to a customer', async () => {
    const customer = await signIn(api, 'customer@storefront.test', 'Customer-Demo-2026');
    expect((await api.call('GET', '/api/admin/certificates', { token: customer })).status).toBe(403);
  });
});
