import { describe, expect, it } from 'vitest';
import { decidePermission } from './permission-decision';
import { ROLE_PERMISSIONS } from './permissions';
import type { AuthenticatedUser, Role } from './roles';
import { STEP_UP_MAX_AGE_SECONDS } from './step-up';

const NOW = new Date('2026-11-25T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

/** `mfaAt` null: no second factor proved in this session. */
function user(roles: Role[], mfaAt: number | null = nowSeconds): AuthenticatedUser {
  return { id: 'u-1', email: 'u@example.com', roles, sessionId: 's-1', ...(mfaAt === null ? {} : { mfaAt }) };
}

describe('decidePermission', () => {
  it('refuses a route that declares no permission, even to the admin with a fresh second factor', () => {
    const decision = decidePermission(user(['admin']), undefined, NOW);
    expect(decision).toMatchObject({ allowed: false, reason: 'undeclared_route' });
    expect(!decision.allowed && decision.error.status).toBe(403);
  });

  it('refuses a permission none of the roles grants, naming the permission', () => {
    const decision = decidePermission(user(['support']), 'payments:pay:own', NOW);
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.reason).toBe('missing_permission');
    expect(decision.error.status).toBe(403);
    expect(decision.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('payments:pay:own') });
  });

  it('refuses everything to a caller with no role or an unknown role', () => {
    expect(decidePermission(user([]), 'orders:read:own', NOW).allowed).toBe(false);
    expect(decidePermission(user(['root' as Role]), 'keys:rotate', NOW).allowed).toBe(false);
  });

  it('allows a shopper permission without any second-factor proof, and counts no staff grant', () => {
    expect(decidePermission(user(['customer'], null), 'payments:pay:own', NOW)).toEqual({ allowed: true, usedGrants: [] });
    expect(decidePermission(user(['support'], null), 'account:manage:own', NOW)).toEqual({ allowed: true, usedGrants: [] });
  });

  it.each([
    ['absent', null],
    ['older than five minutes', nowSeconds - STEP_UP_MAX_AGE_SECONDS - 1],
    ['from the far future', nowSeconds + 3600],
  ])('asks a staff permission for a step-up when the proof is %s', (_label, mfaAt) => {
    const decision = decidePermission(user(['support'], mfaAt), 'orders:read:any', NOW);
    expect(decision).toMatchObject({ allowed: false, reason: 'step_up_required' });
    if (decision.allowed) return;
    expect(decision.error.status).toBe(403);
    expect(decision.error.code).toBe('STEP_UP_REQUIRED');
  });

  it('allows a staff permission with a proof exactly five minutes old, and counts only the granting roles', () => {
    const decision = decidePermission(user(['customer', 'support', 'security-analyst'], nowSeconds - STEP_UP_MAX_AGE_SECONDS), 'orders:read:any', NOW);
    expect(decision).toEqual({ allowed: true, usedGrants: ['support'] });
  });

  it('counts every role that grants the permission (support and admin both grant orders:read:any)', () => {
    expect(decidePermission(user(['support', 'admin']), 'orders:read:any', NOW)).toEqual({ allowed: true, usedGrants: ['support', 'admin'] });
  });

  it('gives no role a permission to pay except the customer (staff cannot reach payment operations)', () => {
    const payers = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => decidePermission(user([role]), 'payments:pay:own', NOW).allowed);
    expect(payers).toEqual(['customer']);
  });
});
