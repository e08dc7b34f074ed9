import { randomUUID } from 'node:crypto';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Role, STEP_UP_MAX_AGE_SECONDS } from '@storefront/identity/access';
import { standInJwksModule, TestTokenIssuer } from '@storefront/identity/testing';
import { SECURITY_EVENTS_QUEUE, type SecurityEvent } from '@storefront/platform/events';
import { bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, eventually, type TestDatabase, uniqueRedisPrefix } from '@storefront/platform/testing';
import { createAppModule } from '../app.module';
import { loadCatalogConfig } from '../config/catalog.config';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // Parsed JSON body; tests read fields freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

const NEW_PRODUCT = { name: 'Staff Test Kettle', description: 'Boils water, quietly.', category: 'Kitchen', priceCents: 3900, stock: 12 };

describe('catalog management (real PostgreSQL and Redis, mutual TLS, tokens checked against a JWKS over mTLS)', () => {
  const tlsDir = createTestPki(['auth', 'catalog', 'gateway', 'order']);
  const prefix = uniqueRedisPrefix('catalog');
  const apps: INestApplication[] = [];
  const clients = new Map<string, ServiceClient>();
  let issuer: TestTokenIssuer;
  let db: TestDatabase;
  let queue: Queue;

  async function start(service: string, module: Type<unknown>): Promise<string> {
    const app = await bootstrapMtlsService({ service, module, host: '127.0.0.1', port: 0, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, service) });
    apps.push(app);
    return `https://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  }

  async function call(method: string, path: string, options: { roles?: Role[] | null; mfaAt?: number | null; body?: object; as?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (options.roles !== null) headers.authorization = `Bearer ${await issuer.token(options.roles ?? ['catalog-manager'], randomUUID(), { mfaAt: options.mfaAt })}`;
    const res = await clients.get(options.as ?? 'gateway')!.request({ method, path, body: options.body, headers });
    const text = res.body.toString('utf8');
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  }

  async function events(type: SecurityEvent['type']): Promise<SecurityEvent[]> {
    const jobs = await queue.getJobs(['waiting'], 0, -1, true);
    return jobs.map((job) => job.data as SecurityEvent).filter((event) => event.type === type);
  }

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    db = await createTestDatabase(inject('postgresAdminUrl'), 'catalog');
    const authUrl = await start('auth', standInJwksModule(issuer, ['catalog']));
    const config = loadCatalogConfig({
      TLS_DIR: tlsDir,
      CATALOG_DATABASE_URL: db.url,
      AUTH_URL: authUrl,
      REDIS_URL: inject('redisUrl'),
      SECURITY_EVENTS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    });
    const catalogUrl = await start('catalog', createAppModule(config));
    for (const identity of ['gateway', 'order']) clients.set(identity, new ServiceClient({ name: 'catalog', baseUrl: catalogUrl }, loadTlsIdentity(tlsDir, identity)));
    queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: { url: inject('redisUrl') }, prefix });
  });

  afterAll(async () => {
    for (const client of clients.values()) client.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    for (const app of apps.reverse()) await app.close();
    await db?.drop();
  });

  it('lets a catalog manager add a product, served at once to the public, and records who added it', async () => {
    const created = await call('POST', '/products', { body: NEW_PRODUCT });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.json).toMatchObject({ ...NEW_PRODUCT, currency: 'USD', imageUrl: `/api/products/${created.json.id}/image.svg` });
    expect((await call('GET', `/products/${created.json.id}`, { roles: null })).json).toEqual(created.json);
    const recorded = await eventually(async () => (await events('catalog.product.changed')).find((e) => e.details.productId === created.json.id));
    expect(recorded).toMatchObject({
      service: 'catalog',
      outcome: 'success',
      actor: { userId: expect.any(String), email: expect.stringContaining('@') },
      details: { action: 'created', fields: 'category,description,name,priceCents,stock', priceCents: 3900, stock: 12 },
    });
    expect(JSON.stringify(recorded)).not.toContain(NEW_PRODUCT.description);
  });

  it("changes a product's price, stock and description, and records which fields changed", async () => {
    const { json: product } = await call('POST', '/products', { body: NEW_PRODUCT });
    const changed = await call('PATCH', `/products/${product.id}`, { roles: ['admin'], body: { priceCents: 2500, stock: 3, description: 'Now on sale.' } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ id: product.id, name: NEW_PRODUCT.name, priceCents: 2500, stock: 3, description: 'Now on sale.' });
    expect((await call('GET', `/products/${product.id}`, { roles: null })).json).toMatchObject({ priceCents: 2500, stock: 3 });
    const recorded = await eventually(async () => (await events('catalog.product.changed')).find((e) => e.details.productId === product.id && e.details.action === 'updated'));
    expect(recorded?.details).toMatchObject({ fields: 'description,priceCents,stock', priceCents: 2500, stock: 3 });
  });

  it.each([['customer'], ['support'], ['security-analyst']] as const)('refuses a %s with 403 FORBIDDEN naming catalog:write, and records the refusal', async (role) => {
    const { json: product } = await call('POST', '/products', { body: NEW_PRODUCT });
    const refused = await call('PATCH', `/products/${product.id}`, { roles: [role], body: { priceCents: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('catalog:write') });
    expect((await call('GET', `/products/${product.id}`, { roles: null })).json.priceCents).toBe(NEW_PRODUCT.priceCents);
    const denial = await eventually(async () => (await events('access.permission.denied')).find((e) => e.details.roles === role));
    expect(denial?.details).toMatchObject({ permission: 'catalog:write', reason: 'missing_permission', method: 'PATCH', route: '/products/:id' });
  });

  it('asks a catalog manager whose second factor is older than five minutes to step up (403 STEP_UP_REQUIRED)', async () => {
    const stale = Math.floor(Date.now() / 1000) - STEP_UP_MAX_AGE_SECONDS - 60;
    for (const mfaAt of [stale, null]) {
      const res = await call('POST', '/products', { mfaAt, body: NEW_PRODUCT });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('STEP_UP_REQUIRED');
    }
  });

  it('answers 401 without a token and refuses writes from any certificate but the gateway', async () => {
    expect((await call('POST', '/products', { roles: null, body: NEW_PRODUCT })).status).toBe(401);
    const fromOrder = await call('POST', '/products', { as: 'order', body: NEW_PRODUCT });
    expect(fromOrder.status).toBe(403);
    expect(fromOrder.json.error.code).toBe('CLIENT_NOT_ALLOWED');
  });

  it.each([
    ['a zero price', { ...NEW_PRODUCT, priceCents: 0 }],
    ['a fractional price', { ...NEW_PRODUCT, priceCents: 10.5 }],
    ['negative stock', { ...NEW_PRODUCT, stock: -1 }],
    ['a blank name', { ...NEW_PRODUCT, name: '   ' }],
    ['an over-long description', { ...NEW_PRODUCT, description: 'x'.repeat(1001) }],
    ['a currency (the server decides it)', { ...NEW_PRODUCT, currency: 'EUR' }],
    ['an id (the server decides it)', { ...NEW_PRODUCT, id: randomUUID() }],
    ['a missing category', { name: 'x', description: '', priceCents: 100, stock: 1 }],
  ])('refuses a new product with %s: 400 VALIDATION_FAILED', async (_label, body) => {
    const res = await call('POST', '/products', { body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses bad changes with a 4xx and a reason, never a 500', async () => {
    const { json: product } = await call('POST', '/products', { body: NEW_PRODUCT });
    const cases: Array<[string, object, number, string]> = [
      [`/products/${product.id}`, { priceCents: null }, 400, 'VALIDATION_FAILED'],
      [`/products/${product.id}`, { stock: '5' }, 400, 'VALIDATION_FAILED'],
      [`/products/${product.id}`, { category: 'Other' }, 400, 'VALIDATION_FAILED'],
      [`/products/${product.id}`, {}, 400, 'PRODUCT_CHANGE_EMPTY'],
      ['/products/not-a-uuid', { stock: 1 }, 400, 'VALIDATION_FAILED'],
      [`/products/${randomUUID()}`, { stock: 1 }, 404, 'PRODUCT_NOT_FOUND'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await call('PATCH', path, { body });
      expect({ path, body, status: res.status, code: res.json.error.code }).toEqual({ path, body, status, code });
    }
  });
});
