import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { newShopper } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());
/** The monitor's database, when this run started the stack itself (not against an external STOREFRONT_URL). */
const monitorDatabaseUrl = inject('databaseUrls').monitor as string | undefined;

interface Review {
  id: string;
  status: string;
  trigger: string;
  examined: number;
  revoked: number;
}
interface Overview {
  unusedAfterDays: number;
  reviews: Review[];
  grants: Array<{ email: string; role: string; grantedBy: string; lastUsedAt: string | null }>;
}

describe('access reviews through the gateway (layer 5: unused staff grants are removed)', () => {
  it('refuses a shopper', async () => {
    const shopper = await newShopper(api);
    for (const method of ['GET', 'POST'] as const) {
      const refused = await api.call(method, '/api/admin/access-reviews', { token: shopper.token });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('lets an admin run a review now and see it finish; each demo staff grant is live and the admin’s own was just used', async () => {
    const admin = await signInStaff(api, 'admin@storefront.test', 'Admin-Demo-2026');
    const before = await api.call<Overview>('GET', '/api/admin/access-reviews', { token: admin });
    expect(before.status, before.text).toBe(200);
    expect(before.body.unusedAfterDays).toBe(90);
    for (const [email, role] of [['support@storefront.test', 'support'], ['catalog@storefront.test', 'catalog-manager'], ['security@storefront.test', 'security-analyst'], ['admin@storefront.test', 'admin']]) {
      expect(before.body.grants).toContainEqual(expect.objectContaining({ email, role, grantedBy: 'seed' }));
    }

    const started = await api.call<{ id: string; status: string }>('POST', '/api/admin/access-reviews', { token: admin });
    expect(started.status, started.text).toBe(202);
    expect(started.body.status).toBe('queued');

    let review: Review | undefined;
    await expect
      .poll(
        async () => {
          const res = await api.call<Review>('GET', `/api/admin/access-reviews/${started.body.id}`, { token: admin });
          expect(res.status, res.text).toBe(200);
          review = res.body;
          return review.status;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe('finished');
    // The demo grants are days old at most: examined, none revoked.
    expect(review).toMatchObject({ trigger: 'manual', revoked: 0 });
    expect(review!.examined).toBeGreaterThanOrEqual(4);

    const after = await api.call<Overview>('GET', '/api/admin/access-reviews', { token: admin });
    expect(after.body.reviews[0]).toMatchObject({ id: started.body.id, status: 'finished' });
    // The admin's staff calls were recorded by the guard and copied by the review.
    const adminGrant = after.body.grants.find((grant) => grant.email === 'admin@storefront.test' && grant.role === 'admin');
    expect(Date.parse(adminGrant?.lastUsedAt ?? '')).toBeGreaterThan(Date.now() - 10 * 60_000);

    if (!monitorDatabaseUrl) return; // against an external stack there is no database to look into
    const monitor = new Client({ connectionString: monitorDatabaseUrl });
    await monitor.connect();
    try {
      // The completion reached the monitor, which stored it and appended it to the audit log.
      await expect
        .poll(
          async () =>
            (
              await monitor.query(
                `select a.action from security_event e join audit_entry a on a.subject = 'security_event:' || e.id
                 where e.type = 'access.review.completed' and e.service = 'auth' and e.details->>'reviewId' = $1`,
                [started.body.id],
              )
            ).rows.map((row: { action: string }) => row.action),
          { timeout: 20_000, interval: 500 },
        )
        .toEqual(['security_event.recorded']);
    } finally {
      await monitor.end();
    }
  });
});
