/* eslint-disable-next-line @nx/enforce-module-boundaries -- the gateway's route table decides what users can reach; see service-modules.ts */
import { resolveRoute } from '../../../apps/gateway/src/proxy/route-table';
import path from 'node:path';
import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { type InventoriedRoute, routesOf } from './route-inventory';
import { edgeAndInternalModules, serviceModules } from './service-modules';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Routes a browser may call through the gateway without an access token,
 * each with the reason. Anything else a user can reach needs a permission.
 * Adding a public route means adding it here, in review.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /products': 'the catalog is for everyone to browse',
  'GET /products/:id': 'the catalog is for everyone to browse',
  'GET /products/:id/image.svg': 'product pictures load in <img> without a token',
  'POST /auth/register': 'creating an account happens before having one',
  'POST /auth/login': 'signing in happens before having a token',
  'POST /auth/mfa/verify': 'the second step of signing in: the caller holds a short-lived MFA ticket, not a token',
  'POST /auth/refresh': 'authenticated by the refresh cookie (and the CSRF header), not a bearer token',
  'POST /auth/logout': 'authenticated by the refresh cookie (and the CSRF header), not a bearer token',
  'POST /auth/passkeys/authentication/options': 'signing in with a passkey happens before having a token',
  'POST /auth/passkeys/authentication/verify': 'signing in with a passkey happens before having a token',
};

/** The gateway's own routes that take no user permission, with the reason. */
const GATEWAY_OPEN_ROUTES: Record<string, string> = {
  'GET /healthz': 'liveness for the orchestrator; says nothing but ok',
  'ALL /api': 'the proxy: the route table above decides, and each upstream checks again',
  'ALL /api/*path': 'the proxy: the route table above decides, and each upstream checks again',
};

const key = (route: Pick<InventoriedRoute, 'method' | 'path'>) => `${route.method} ${route.path}`;
const GUARDED_BY = ['SignedInGuard', 'PermissionGuard'];

/** What is wrong with one route of a service behind mutual TLS; empty when it is locked. */
function upstreamProblems(route: InventoriedRoute): string[] {
  const problems: string[] = [];
  if (!route.allowedClients?.length) problems.push('no @AllowedClients: no certificate may call it');
  if (route.permission && !GUARDED_BY.every((guard) => route.guards.includes(guard))) {
    problems.push(`@RequirePermission without @UseGuards(SignedInGuard, PermissionGuard): nothing enforces it (guards: ${route.guards.join(', ') || 'none'})`);
  }
  const concrete = route.path.replace(/:[^/]+/g, 'x');
  const edge = resolveRoute(route.method, concrete);
  const reachable = edge?.upstream === route.service && route.allowedClients?.includes('gateway');
  if (!reachable) return problems;
  if (edge.isPublic) {
    if (!(key(route) in PUBLIC_ROUTES)) problems.push('public at the gateway but not listed in PUBLIC_ROUTES');
  } else if (!route.permission && !edge.permission) {
    problems.push('reachable by users through the gateway without @RequirePermission (or a route-table permission for a service that cannot check tokens)');
  }
  return problems;
}

/** What is wrong with one of the gateway's own routes. */
function gatewayProblems(route: InventoriedRoute): string[] {
  if (key(route) in GATEWAY_OPEN_ROUTES) return [];
  if (!route.permission) return ['a gateway route without @RequirePermission and not listed in GATEWAY_OPEN_ROUTES'];
  if (!GUARDED_BY.every((guard) => route.guards.includes(guard))) return ['@RequirePermission without @UseGuards(SignedInGuard, PermissionGuard)'];
  return [];
}

const report = (routes: InventoriedRoute[], check: (route: InventoriedRoute) => string[]) =>
  routes.flatMap((route) => check(route).map((problem) => `${route.service} ${key(route)} (${route.controller}.${route.handler}): ${problem}`));

describe('every route of every service is locked', () => {
  let upstream: InventoriedRoute[];
  let gateway: InventoriedRoute[];

  beforeAll(() => {
    const { kms, gateway: gatewayModule } = edgeAndInternalModules(ROOT);
    upstream = [...serviceModules(ROOT).flatMap(({ service, module }) => routesOf(service, module)), ...routesOf('kms', kms)];
    gateway = routesOf('gateway', gatewayModule);
  }, 60_000);

  it('finds the routes of all seven services (the inventory itself works)', () => {
    expect(new Set([...upstream, ...gateway].map((route) => route.service))).toEqual(new Set(['auth', 'catalog', 'order', 'payment-vault', 'monitor', 'kms', 'gateway']));
    expect(upstream.map(key)).toEqual(expect.arrayContaining(['GET /admin/orders', 'POST /payments/cards', 'PATCH /products/:id', 'GET /.well-known/jwks.json', 'POST /']));
  });

  it('gives every service route an @AllowedClients, and every user route a permission', () => {
    expect(report(upstream, upstreamProblems)).toEqual([]);
  });

  it("guards every one of the gateway's own routes with a permission", () => {
    expect(report(gateway, gatewayProblems)).toEqual([]);
  });

  it('lists no public route that does not exist, and none that needs a token', () => {
    const reachablePublic = upstream.filter((route) => {
      const edge = resolveRoute(route.method, route.path.replace(/:[^/]+/g, 'x'));
      return edge?.upstream === route.service && edge.isPublic && route.allowedClients?.includes('gateway');
    });
    expect(reachablePublic.map(key).sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
    expect(reachablePublic.filter((route) => route.permission).map(key)).toEqual([]);
  });

  it('refuses the vault route a support agent would use to pay: only payments:pay:own opens it', () => {
    expect(resolveRoute('POST', '/payments/cards')?.permission).toBe('payments:pay:own');
  });

  // The attack lab's runner (tools/attack/lab-server.mjs) is no Nest service, so the inventory above cannot see its
  // routes: the gateway's check is its lock (and it answers nobody but the gateway's certificate).
  it.each([
    ['POST', '/attack-lab/runs'],
    ['GET', '/attack-lab/runs/x'],
  ])('locks the attack lab route %s %s with attack-lab:run, checked at the gateway, and keeps the token from it', (method, path) => {
    expect(resolveRoute(method, path)).toMatchObject({ upstream: 'attack-lab', isPublic: false, assertsUser: true, permission: 'attack-lab:run' });
  });

  it('flags a route that forgets its decorators (the check can fail)', () => {
    @Controller('orders')
    class ForgetfulController {
      @Get(':id')
      @AllowedClients('gateway')
      read(): void {
        // only its decorators matter here
      }

      @Post()
      create(): void {
        // only its decorators matter here
      }

      @Get()
      @AllowedClients('gateway')
      @RequirePermission('orders:read:own')
      list(): void {
        // only its decorators matter here
      }
    }
    @Controller('orders')
    @AllowedClients('gateway')
    @UseGuards(SignedInGuard, PermissionGuard)
    class CarefulController {
      @Get()
      @RequirePermission('orders:read:own')
      list(): void {
        // only its decorators matter here
      }
    }
    @Module({ controllers: [ForgetfulController, CarefulController] })
    class ProbeModule {}

    const problems = report(routesOf('order', ProbeModule), upstreamProblems);
    expect(problems).toEqual([
      expect.stringContaining('GET /orders/:id (ForgetfulController.read): reachable by users through the gateway without @RequirePermission'),
      expect.stringContaining('POST /orders (ForgetfulController.create): no @AllowedClients'),
      expect.stringContaining('GET /orders (ForgetfulController.list): @RequirePermission without @UseGuards'),
    ]);
  });
});
