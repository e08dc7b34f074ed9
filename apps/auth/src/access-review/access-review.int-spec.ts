import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { grantUsageKey, revokedSessionKey, type Role } from '@storefront/identity/access';
import type { AuthConfig } from '../config/auth.config';
import { PrismaService } from '../database/prisma.service';
import { type AuthTestService, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { StaffTokens } from '../test-support/staff-tokens';
import { StaffGrantsRepository } from './staff-grants.repository';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

interface Staff {
  id: string;
  email: string;
  sessionId: string;
}

describe('access reviews: unused staff grants are revoked (ACCESS_REVIEW_UNUSED_DAYS=90)', () => {
  const tokens = StaffTokens.create();
  let auth: AuthTestService;
  let db: Client;
  let redis: Redis;
  let admin: Staff;
  let adminToken: string;

  beforeAll(async () => {
    // Schedule off: only the runs these tests start, so every count below is exact.
    auth = await startAuthTestService(inject('postgresAdminUrl'), { ...tokens.env, ACCESS_REVIEW_INTERVAL_HOURS: '0' });
    db = new Client({ connectionString: auth.databaseUrl });
    await db.connect();
    redis = new Redis(inject('redisUrl'));
    admin = await staffWith('admin', { grantedAt: new Date() });
    adminToken = await tokenOf(admin, ['admin']);
  });
  afterAll(async () => {
    await db?.end();
    redis?.disconnect();
    await auth?.close();
    tokens.dispose();
  });

  /** An account holding `role` through a grant given and last used when asked, with one live login session. */
  async function staffWith(role: Role, grant: { grantedAt: Date; lastUsedAt?: Date }): Promise<Staff> {
    const email = uniqueEmail(role);
    const res = await auth.call('POST', '/auth/register', { body: { email, password: 'long enough secret', name: 'Staff' } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await db.query(`update users set roles = array_append(roles, $2) where id = $1`, [id, role]);
    await db.query('insert into staff_grants (user_id, role, granted_by, granted_at, last_used_at) values ($1, $2, $3, $4, $5)', [id, role, 'test', grant.grantedAt, grant.lastUsedAt ?? null]);
    const sessionId = randomUUID();
    await db.query('insert into refresh_sessions (id, user_id, family_id, token_hash, expires_at) values ($1, $2, $3, $4, $5)', [randomUUID(), id, sessionId, randomBytes(32).toString('hex'), new Date(Date.now() + DAY_MS)]);
    return { id, email, sessionId };
  }
  const tokenOf = (staff: Staff, roles: Role[]) => tokens.token({ id: staff.id, email: staff.email, roles }, staff.sessionId);

  async function runReviewNow(): Promise<{ id: string; examined: number; revoked: number; trigger: string; triggeredBy: string }> {
    const started = await auth.call('POST', '/admin/access-reviews', { bearer: adminToken });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'queued' });
    // The job runs on auth's worker; poll its row (bounded, so a stuck worker fails the test rather than hanging it).
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const review = await auth.call('GET', `/admin/access-reviews/${started.body.id}`, { bearer: adminToken });
      expect(review.status).toBe(200);
      if (review.body.status === 'finished') return review.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the access review did not finish');
  }
  const liveGrants = async () => Number((await db.query('select count(*) from staff_grants where revoked_at is null')).rows[0].count);
  const grantOf = async (staff: Staff, role: Role) =>
    (await db.query('select last_used_at, revoked_at, revoked_reason from staff_grants where user_id = $1 and role = $2 order by granted_at desc limit 1', [staff.id, role])).rows[0];
  const rolesOf = async (staff: Staff) => (await db.query('select roles from users where id = $1', [staff.id])).rows[0].roles as string[];

  it('revokes a grant last used 91 days ago (role, sessions, event) and keeps one used yesterday and one never used but granted 10 days ago', async () => {
    const stale = await staffWith('support', { grantedAt: daysAgo(200), lastUsedAt: daysAgo(91) });
    const recent = await staffWith('security-analyst', { grantedAt: daysAgo(200), lastUsedAt: daysAgo(1) });
    const fresh = await staffWith('catalog-manager', { grantedAt: daysAgo(10) });
    const examinedBefore = await liveGrants();

    const review = await runReviewNow();

    expect(review).toMatchObject({ trigger: 'manual', triggeredBy: admin.id, examined: examinedBefore, revoked: 1 });
    expect(await grantOf(stale, 'support')).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'unused' });
    expect(await rolesOf(stale)).toEqual(['customer']);
    // Its session ended in the same transaction, and the gateway was told (the revoked-session key).
    const session = await db.query('select revoked_at from refresh_sessions where family_id = $1', [stale.sessionId]);
    expect(session.rows[0].revoked_at).toBeInstanceOf(Date);
    expect(await redis.exists(revokedSessionKey(auth.redisPrefix, stale.sessionId))).toBe(1);

    for (const [staff, role] of [[recent, 'security-analyst'], [fresh, 'catalog-manager']] as const) {
      expect(await grantOf(staff, role)).toMatchObject({ revoked_at: null });
      expect(await rolesOf(staff)).toContain(role);
      expect(await redis.exists(revokedSessionKey(auth.redisPrefix, staff.sessionId))).toBe(0);
    }
    const revokedEvents = await auth.securityEvents('access.grant.revoked');
    expect(revokedEvents).toEqual([
      expect.objectContaining({ outcome: 'success', actor: { userId: stale.id, email: stale.email }, details: expect.objectContaining({ role: 'support', reason: 'unused', sessionsEnded: 1, by: `access-review:${review.id}` }) }),
    ]);
    const completed = await auth.securityEvents('access.review.completed');
    expect(completed.at(-1)).toMatchObject({ details: { reviewId: review.id, trigger: 'manual', examined: examinedBefore, revoked: 1, unusedAfterDays: 90 } });
  });

  it('copies usage the PermissionGuard recorded in Redis into last_used_at, which saves a grant otherwise 91 days unused', async () => {
    const idle = await staffWith('admin', { grantedAt: daysAgo(200), lastUsedAt: daysAgo(91) });
    // A staff request on a real route: auth's guard records admin usage through the GrantUsageListener.
    const used = await auth.call('GET', '/admin/access-reviews', { bearer: await tokenOf(idle, ['admin']) });
    expect(used.status).toBe(200);
    const field = `${idle.id}:admin`;
    let recorded: string | null = null;
    for (let attempt = 0; attempt < 50 && recorded === null; attempt += 1) {
      recorded = await redis.hget(grantUsageKey(auth.redisPrefix), field);
      if (recorded === null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Number(recorded)).toBeGreaterThan(daysAgo(1).getTime());

    const review = await runReviewNow();

    expect(review.revoked).toBe(0);
    const grant = await grantOf(idle, 'admin');
    expect(grant.revoked_at).toBeNull();
    expect(grant.last_used_at.getTime()).toBe(Number(recorded));
  });

  it('lists the latest reviews and every live grant with its last use', async () => {
    const overview = await auth.call('GET', '/admin/access-reviews', { bearer: adminToken });
    expect(overview.status).toBe(200);
    expect(overview.headers['cache-control']).toBe('no-store');
    expect(overview.body).toMatchObject({ unusedAfterDays: 90, intervalHours: 0 });
    expect(overview.body.reviews.length).toBeGreaterThanOrEqual(2);
    expect(overview.body.reviews[0]).toMatchObject({ status: 'finished', trigger: 'manual' });
    expect(overview.body.grants).toHaveLength(await liveGrants());
    expect(overview.body.grants).toContainEqual(expect.objectContaining({ userId: admin.id, email: admin.email, role: 'admin', grantedBy: 'test' }));
    expect(overview.body.grants.every((grant: { role: string }) => grant.role !== 'customer')).toBe(true);
  });

  it('revokes a grant once when two revocations race (row lock, then the condition is checked again)', async () => {
    const stale = await staffWith('support', { grantedAt: daysAgo(100) });
    const grantId = (await db.query('select id from staff_grants where user_id = $1', [stale.id])).rows[0].id as string;
    const prisma = new PrismaService({ AUTH_DATABASE_URL: auth.databaseUrl } as AuthConfig);
    try {
      const repository = new StaffGrantsRepository(prisma);
      const cutoff = daysAgo(90);
      const results = await Promise.all([repository.revokeIfUnused(grantId, cutoff, new Date(), 'unused'), repository.revokeIfUnused(grantId, cutoff, new Date(), 'unused')]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    } finally {
      await prisma.$disconnect();
    }
    expect(Number((await db.query('select count(*) from staff_grants where user_id = $1 and revoked_at is not null', [stale.id])).rows[0].count)).toBe(1);
  });

  it('lets an admin grant and revoke a staff role: each is a staff_grants row, and a revocation ends the sessions', async () => {
    const user = await staffWith('support', { grantedAt: new Date() });
    const granted = await auth.call('POST', `/admin/users/${user.id}/roles`, { bearer: adminToken, body: { role: 'security-analyst' } });
    expect(granted.status).toBe(201);
    expect(await rolesOf(user)).toEqual(['customer', 'support', 'security-analyst']);
    expect((await db.query('select granted_by from staff_grants where user_id = $1 and role = $2 and revoked_at is null', [user.id, 'security-analyst'])).rows).toEqual([{ granted_by: admin.id }]);

    const again = await auth.call('POST', `/admin/users/${user.id}/roles`, { bearer: adminToken, body: { role: 'security-analyst' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ROLE_ALREADY_GRANTED');
    const customer = await auth.call('POST', `/admin/users/${user.id}/roles`, { bearer: adminToken, body: { role: 'customer' } });
    expect(customer.status).toBe(400);
    const nobody = await auth.call('POST', `/admin/users/${randomUUID()}/roles`, { bearer: adminToken, body: { role: 'support' } });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.code).toBe('USER_NOT_FOUND');

    const revoked = await auth.call('DELETE', `/admin/users/${user.id}/roles/support`, { bearer: adminToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ userId: user.id, role: 'support', granted: false, sessionsEnded: 1 });
    expect(await rolesOf(user)).toEqual(['customer', 'security-analyst']);
    expect(await grantOf(user, 'support')).toMatchObject({ revoked_reason: 'revoked_by_admin' });
    expect(await redis.exists(revokedSessionKey(auth.redisPrefix, user.sessionId))).toBe(1);
    const twice = await auth.call('DELETE', `/admin/users/${user.id}/roles/support`, { bearer: adminToken });
    expect(twice.status).toBe(404);
    expect(twice.body.error.code).toBe('GRANT_NOT_FOUND');
  });

  it('refuses anyone without the permission, and bad ids, with clear 4xx answers', async () => {
    const support = await staffWith('support', { grantedAt: new Date() });
    const supportToken = await tokenOf(support, ['support']);
    expect((await auth.call('GET', '/admin/access-reviews')).status).toBe(401);
    for (const [method, path] of [['GET', '/admin/access-reviews'], ['POST', '/admin/access-reviews'], ['POST', `/admin/users/${support.id}/roles`]] as const) {
      const refused = await auth.call(method, path, { bearer: supportToken, body: { role: 'admin' } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    expect(await rolesOf(support)).toEqual(['customer', 'support']);
    const notUuid = await auth.call('GET', '/admin/access-reviews/not-a-uuid', { bearer: adminToken });
    expect(notUuid.status).toBe(400);
    const unknown = await auth.call('GET', `/admin/access-reviews/${randomUUID()}`, { bearer: adminToken });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ACCESS_REVIEW_NOT_FOUND');
  });

  // Last: it revokes admin grants, the suite's own included.
  it('never revokes the last live admin grant (break glass), however long unused', async () => {
    await staffWith('admin', { grantedAt: daysAgo(300), lastUsedAt: daysAgo(200) });
    await db.query("update staff_grants set granted_at = $1, last_used_at = $2 where role = 'admin' and revoked_at is null", [daysAgo(300), daysAgo(200)]);
    await redis.del(grantUsageKey(auth.redisPrefix));
    const liveAdmins = async () => Number((await db.query("select count(*) from staff_grants where role = 'admin' and revoked_at is null")).rows[0].count);
    expect(await liveAdmins()).toBeGreaterThanOrEqual(2);

    const started = await auth.call('POST', '/admin/access-reviews', { bearer: adminToken });
    expect(started.status).toBe(202);
    // Polled in the database: the admin whose token started it may lose its grant (and session) in this run.
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const row = await db.query('select finished_at from access_reviews where id = $1', [started.body.id]);
      if (row.rows[0]?.finished_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await liveAdmins()).toBe(1);
  });
});
