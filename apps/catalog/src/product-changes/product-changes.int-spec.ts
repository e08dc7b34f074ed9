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
    // Product pictures are SVG, not JSON.
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.status, headers: res.headers, json: text && isJson ? JSON.parse(text) : undefined };
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

  describe('archiving', () => {
    /** A product with a name no other test uses, so a search for it finds it alone. */
    async function product(stock = NEW_PRODUCT.stock): Promise<{ id: string; name: string }> {
      const name = `Archive Test ${randomUUID().slice(0, 8)}`;
      const { json } = await call('POST', '/products', { body: { ...NEW_PRODUCT, name, stock } });
      return { id: json.id, name };
    }

    async function publicView(p: { id: string; name: string }) {
      const [detail, image, search] = await Promise.all([
        call('GET', `/products/${p.id}`, { roles: null }),
        call('GET', `/products/${p.id}/image.svg`, { roles: null }),
        call('GET', `/products?q=${encodeURIComponent(p.name)}`, { roles: null }),
      ]);
      const listed = await call('GET', '/products?pageSize=48&category=Kitchen', { roles: null });
      return {
        detail: detail.status,
        detailCode: detail.json?.error?.code,
        image: image.status,
        searchIds: search.json.items.map((item: { id: string }) => item.id),
        searchTotal: search.json.total,
        listed: listed.json.items.some((item: { id: string }) => item.id === p.id),
      };
    }

    const managed = async (p: { id: string; name: string }) => (await call('GET', `/admin/products?q=${encodeURIComponent(p.name)}`)).json.items;

    it('hides an archived product from the public list, search, product page and picture (404 as if missing), shows it to the manager, and restore brings it back', async () => {
      const p = await product();
      expect(await publicView(p)).toEqual({ detail: 200, detailCode: undefined, image: 200, searchIds: [p.id], searchTotal: 1, listed: true });

      const archived = await call('POST', `/admin/products/${p.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.headers['cache-control']).toBe('no-store');
      expect(archived.json).toMatchObject({ id: p.id, name: p.name, archivedAt: expect.any(String) });
      expect(Date.parse(archived.json.archivedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await publicView(p)).toEqual({ detail: 404, detailCode: 'PRODUCT_NOT_FOUND', image: 404, searchIds: [], searchTotal: 0, listed: false });
      expect(await managed(p)).toEqual([expect.objectContaining({ id: p.id, archivedAt: archived.json.archivedAt })]);

      const restored = await call('POST', `/admin/products/${p.id}/restore`, { roles: ['admin'] });
      expect(restored.status).toBe(200);
      expect(restored.json).toMatchObject({ id: p.id, archivedAt: null });
      expect(await publicView(p)).toEqual({ detail: 200, detailCode: undefined, image: 200, searchIds: [p.id], searchTotal: 1, listed: true });
      expect(await managed(p)).toEqual([expect.objectContaining({ id: p.id, archivedAt: null })]);
    });

    it('records every archive and restore as catalog.product.changed with its kind', async () => {
      const p = await product();
      await call('POST', `/admin/products/${p.id}/archive`);
      await call('POST', `/admin/products/${p.id}/restore`);
      const recorded = await eventually(async () => {
        const changes = (await events('catalog.product.changed')).filter((e) => e.details.productId === p.id && e.details.action !== 'created');
        return changes.length === 2 ? changes : undefined;
      });
      expect(recorded.map((e) => e.details.action).sort()).toEqual(['archived', 'restored']);
      for (const event of recorded) {
        expect(event).toMatchObject({ service: 'catalog', outcome: 'success', actor: { email: expect.stringContaining('@') }, details: { fields: 'archivedAt', stock: NEW_PRODUCT.stock } });
      }
    });

    it('is idempotent: archiving twice keeps the first archive time, restoring twice keeps it on sale, and the repeats change no field', async () => {
      const p = await product();
      const first = await call('POST', `/admin/products/${p.id}/archive`);
      const second = await call('POST', `/admin/products/${p.id}/archive`);
      expect(second.status).toBe(200);
      expect(second.json.archivedAt).toBe(first.json.archivedAt);
      expect((await call('POST', `/admin/products/${p.id}/restore`)).json.archivedAt).toBeNull();
      const again = await call('POST', `/admin/products/${p.id}/restore`);
      expect(again.status).toBe(200);
      expect(again.json.archivedAt).toBeNull();
      const repeats = await eventually(async () => {
        const changes = (await events('catalog.product.changed')).filter((e) => e.details.productId === p.id && e.details.fields === '');
        return changes.length === 2 ? changes : undefined;
      });
      expect(repeats.map((e) => e.details.action).sort()).toEqual(['archived', 'restored']);
    });

    it.each([['customer'], ['support']] as const)('refuses a %s with 403 FORBIDDEN on archive, restore and the manager list, and archives nothing', async (role) => {
      const p = await product();
      for (const [method, path] of [
        ['POST', `/admin/products/${p.id}/archive`],
        ['POST', `/admin/products/${p.id}/restore`],
        ['GET', '/admin/products'],
      ] as const) {
        const refused = await call(method, path, { roles: [role] });
        expect({ method, path, status: refused.status, code: refused.json.error.code }).toEqual({ method, path, status: 403, code: 'FORBIDDEN' });
      }
      expect((await call('GET', `/products/${p.id}`, { roles: null })).status).toBe(200);
    });

    it('asks for a fresh second factor, answers 401 without a token, and refuses the order certificate', async () => {
      const p = await product();
      const stale = Math.floor(Date.now() / 1000) - STEP_UP_MAX_AGE_SECONDS - 60;
      expect((await call('POST', `/admin/products/${p.id}/archive`, { mfaAt: stale })).json.error.code).toBe('STEP_UP_REQUIRED');
      expect((await call('POST', `/admin/products/${p.id}/archive`, { roles: null })).status).toBe(401);
      expect((await call('POST', `/admin/products/${p.id}/archive`, { as: 'order' })).json.error.code).toBe('CLIENT_NOT_ALLOWED');
      expect((await call('GET', `/products/${p.id}`, { roles: null })).status).toBe(200);
    });

    it('answers an unknown id with 404 PRODUCT_NOT_FOUND and a non-UUID with 400, for archive and restore', async () => {
      for (const action of ['archive', 'restore']) {
        const unknown = await call('POST', `/admin/products/${randomUUID()}/${action}`);
        expect({ action, status: unknown.status, code: unknown.json.error.code }).toEqual({ action, status: 404, code: 'PRODUCT_NOT_FOUND' });
        const malformed = await call('POST', `/admin/products/not-a-uuid/${action}`);
        expect({ action, status: malformed.status, code: malformed.json.error.code }).toEqual({ action, status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it('refuses to reserve an archived product with 409 PRODUCT_ARCHIVED and takes no stock; past reservations stand as they were', async () => {
      const p = await product(5);
      const other = await product(5);
      const earlierOrder = randomUUID();
      const earlier = await call('POST', '/internal/reservations', { as: 'order', roles: null, body: { orderId: earlierOrder, items: [{ productId: p.id, quantity: 1 }] } });
      expect(earlier.status).toBe(201);

      expect((await call('POST', `/admin/products/${p.id}/archive`)).status).toBe(200);
      const refused = await call('POST', '/internal/reservations', {
        as: 'order',
        roles: null,
        body: { orderId: randomUUID(), items: [{ productId: p.id, quantity: 1 }, { productId: other.id, quantity: 1 }] },
      });
      expect(refused.status).toBe(409);
      expect(refused.json.error).toMatchObject({ code: 'PRODUCT_ARCHIVED', details: { productId: p.id } });
      // All or nothing: the other line took nothing either.
      expect((await call('GET', `/products/${other.id}`, { roles: null })).json.stock).toBe(5);

      // The order placed before the archive keeps its reservation (a retried checkout gets the same answer) and can still give stock back.
      const replay = await call('POST', '/internal/reservations', { as: 'order', roles: null, body: { orderId: earlierOrder, items: [{ productId: p.id, quantity: 1 }] } });
      expect(replay.status).toBe(201);
      expect(replay.json).toEqual(earlier.json);
      expect((await call('POST', `/internal/reservations/${earlierOrder}/release`, { as: 'order', roles: null })).status).toBe(200);
      expect((await managed(p))[0]).toMatchObject({ stock: 5, archivedAt: expect.any(String) });

      await call('POST', `/admin/products/${p.id}/restore`);
      expect((await call('POST', '/internal/reservations', { as: 'order', roles: null, body: { orderId: randomUUID(), items: [{ productId: p.id, quantity: 2 }] } })).status).toBe(201);
    });
  });
});
