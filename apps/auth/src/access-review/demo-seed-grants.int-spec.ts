import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STAFF_ROLES } from '@storefront/identity/access';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { type AuthTestService, startAuthTestService } from '../test-support/auth-test-service';

describe('the demo seed records staff grants (SEED_DEMO_DATA=true)', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), { SEED_DEMO_DATA: 'true', ACCESS_REVIEW_INTERVAL_HOURS: '0' });
  });
  afterAll(async () => auth?.close());

  it('gives every staff role of a demo account one live grant by "seed", and the customer role none', async () => {
    const db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ email: string; role: string; granted_by: string }>(
      'select u.email, g.role, g.granted_by from staff_grants g join users u on u.id = g.user_id where g.revoked_at is null order by u.email, g.role',
    );
    await db.end();
    const expected = DEMO_ACCOUNTS.flatMap((account) => account.roles.filter((role) => STAFF_ROLES.includes(role)).map((role) => ({ email: account.email, role, granted_by: 'seed' })));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected.sort((a, b) => a.email.localeCompare(b.email) || a.role.localeCompare(b.role)));
  });
});
