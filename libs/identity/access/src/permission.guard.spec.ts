import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@storefront/platform/http';
import { type GrantUsageListener, type PermissionDenial, type PermissionDenialListener, PermissionGuard, RequirePermission } from './permission.guard';
import type { AuthenticatedUser, Role } from './roles';
import { STEP_UP_MAX_AGE_SECONDS } from './step-up';

@Controller('orders')
class OrdersForTest {
  @Get(':id')
  @RequirePermission('orders:read:any')
  staffRead(): void {
    // only its decorators matter here
  }

  @Get()
  @RequirePermission('orders:read:own')
  ownRead(): void {
    // only its decorators matter here
  }

  @Get('forgotten')
  forgotten(): void {
    // only its decorators matter here
  }
}

@RequirePermission('catalog:write')
class CatalogForTest {
  update(): void {
    // only its decorators matter here
  }
  @RequirePermission('alerts:read')
  overridden(): void {
    // only its decorators matter here
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `mfaAt` null: no second factor proved in this session. */
function user(roles: Role[], mfaAt: number | null = nowSeconds()): AuthenticatedUser {
  return { id: 'user-1', email: 'staff@example.com', roles, sessionId: 'session-1', ...(mfaAt === null ? {} : { mfaAt }) };
}

/** An execution context as Express and Nest build it for a matched route. */
function contextFor(controller: object, handler: string, caller: AuthenticatedUser | undefined, routePath = '/orders/:id'): ExecutionContext {
  const request = { user: caller, method: 'GET', ip: '203.0.113.7', baseUrl: '', route: { path: routePath }, socket: {} };
  const classRef = controller as new () => Record<string, () => void>;
  return {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => classRef.prototype[handler],
    getClass: () => classRef,
  } as unknown as ExecutionContext;
}

function recordingGuard() {
  const denials: PermissionDenial[] = [];
  const usages: Array<{ userId: string; roles: readonly Role[] }> = [];
  const denialListener: PermissionDenialListener = { denied: (denial) => denials.push(denial) };
  const usageListener: GrantUsageListener = { used: (userId, roles) => usages.push({ userId, roles }) };
  return { guard: new PermissionGuard(new Reflector(), denialListener, usageListener), denials, usages };
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const codeOf = (error: DomainError) => error.code;

describe('PermissionGuard', () => {
  it('refuses a route without @RequirePermission to everyone, and reports it as undeclared', () => {
    const { guard, denials, usages } = recordingGuard();
    const error = refusal(() => guard.canActivate(contextFor(OrdersForTest, 'forgotten', user(['admin']), '/orders/forgotten')));
    expect(error.status).toBe(403);
    expect(denials).toEqual([expect.objectContaining({ permission: 'undeclared', reason: 'undeclared_route', route: '/orders/forgotten' })]);
    expect(usages).toEqual([]);
  });

  it('answers 401 when no user was verified (SignedInGuard missing or bypassed)', () => {
    const { guard, denials } = recordingGuard();
    expect(refusal(() => guard.canActivate(contextFor(OrdersForTest, 'ownRead', undefined))).status).toBe(401);
    expect(denials).toEqual([]);
  });

  it('refuses a caller without the permission with 403 FORBIDDEN, and tells the denial listener the reason and the route template', () => {
    const { guard, denials, usages } = recordingGuard();
    const caller = user(['customer']);
    const error = refusal(() => guard.canActivate(contextFor(OrdersForTest, 'staffRead', caller)));
    expect(error.status).toBe(403);
    expect(codeOf(error)).toBe('FORBIDDEN');
    expect(denials).toEqual([{ user: caller, permission: 'orders:read:any', reason: 'missing_permission', method: 'GET', route: '/orders/:id', ip: '203.0.113.7' }]);
    expect(usages).toEqual([]);
  });

  it.each([
    ['absent', null],
    ['stale', nowSeconds() - STEP_UP_MAX_AGE_SECONDS - 60],
  ])('asks staff with an %s second-factor proof for a step-up (403 STEP_UP_REQUIRED), and records the refusal', (_label, mfaAt) => {
    const { guard, denials, usages } = recordingGuard();
    const error = refusal(() => guard.canActivate(contextFor(OrdersForTest, 'staffRead', user(['support'], mfaAt))));
    expect(error.status).toBe(403);
    expect(codeOf(error)).toBe('STEP_UP_REQUIRED');
    expect(denials).toEqual([expect.objectContaining({ permission: 'orders:read:any', reason: 'step_up_required' })]);
    expect(usages).toEqual([]);
  });

  it('allows staff with a fresh proof and reports only the granting roles as used', () => {
    const { guard, denials, usages } = recordingGuard();
    expect(guard.canActivate(contextFor(OrdersForTest, 'staffRead', user(['customer', 'support', 'catalog-manager'])))).toBe(true);
    expect(usages).toEqual([{ userId: 'user-1', roles: ['support'] }]);
    expect(denials).toEqual([]);
  });

  it("allows a shopper's own permission without reporting any grant usage", () => {
    const { guard, usages } = recordingGuard();
    expect(guard.canActivate(contextFor(OrdersForTest, 'ownRead', user(['customer'], null), '/orders'))).toBe(true);
    expect(usages).toEqual([]);
  });

  it('reads the permission from the controller, and a handler declaration wins over it', () => {
    const { guard, denials } = recordingGuard();
    expect(guard.canActivate(contextFor(CatalogForTest, 'update', user(['catalog-manager'])))).toBe(true);
    refusal(() => guard.canActivate(contextFor(CatalogForTest, 'overridden', user(['catalog-manager']))));
    expect(denials.map((d) => d.permission)).toEqual(['alerts:read']);
  });

  it('still refuses when no listener is provided', () => {
    const guard = new PermissionGuard(new Reflector());
    expect(refusal(() => guard.canActivate(contextFor(OrdersForTest, 'staffRead', user(['customer'])))).status).toBe(403);
    expect(guard.canActivate(contextFor(OrdersForTest, 'staffRead', user(['admin'])))).toBe(true);
  });
});
