import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { createAppModule } from './app.module';
import { loadCatalogConfig } from './config/catalog.config';
import { PrismaService } from './database/prisma.service';
import { SEED_PRODUCTS } from './seed/products.seed';
import { SeedRepository } from './seed/seed.repository';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // Parsed JSON body (tests read fields freely).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

describe('catalog service (real PostgreSQL, mutual TLS)', () => {
  const tlsDir = createTestPki(['catalog', 'order', 'gateway', 'ops']);
  let db: TestDatabase;
  let app: INestApplication;
  let prisma: PrismaService;
  const clients = new Map<string, ServiceClient>();

  async function call(identity: string, method: string, path: string, body?: object): Promise<Reply> {
    const res = await clients.get(identity)!.request({ method, path, body });
    const text = res.body.toString('utf8');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  async function createProduct(stock: number, priceCents = 1000): Promise<string> {
    const product = await prisma.product.create({
      data: { name: `Test product ${randomUUID()}`, description: 'made by a test', category: 'Testing', priceCents, stock },
    });
    return product.id;
  }

  const stockOf = async (id: string) => (await prisma.product.findUniqueOrThrow({ where: { id } })).stock;

  beforeAll(async () => {
    db = await createTestDatabase(inject('postgresAdminUrl'), 'catalog');
    // Nothing here needs a token (writes are tested in product-changes.int-spec.ts): auth's JWKS is fetched only on first use, so no auth runs.
    const config = loadCatalogConfig({ TLS_DIR: tlsDir, CATALOG_DATABASE_URL: db.url, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'silent', AUTH_URL: 'https://127.0.0.1:1' });
    app = await bootstrapMtlsService({
      service: 'catalog',
      module: createAppModule(config),
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      identity: loadTlsIdentity(tlsDir, 'catalog'),
    });
    prisma = app.get(PrismaService);
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    for (const identity of ['order', 'gateway', 'ops']) {
      clients.set(identity, new ServiceClient({ name: 'catalog', baseUrl: `https://127.0.0.1:${port}` }, loadTlsIdentity(tlsDir, identity)));
    }
  });

  afterAll(async () => {
    for (const client of clients.values()) client.close();
    await app?.close();
    await db?.drop();
  });

  describe('seed', () => {
    it('seeds the demo products once, including a single Last One Lamp', async () => {
      expect(await prisma.product.count({ where: { category: { not: 'Testing' } } })).toBe(SEED_PRODUCTS.length);
      const lamp = await call('gateway', 'GET', '/products?q=last%20one%20lamp');
      expect(lamp.json.items).toHaveLength(1);
      expect(lamp.json.items[0]).toMatchObject({ name: 'Last One Lamp', stock: 1 });
      await expect(app.get(SeedRepository).insertIfEmpty(SEED_PRODUCTS)).resolves.toBe(0);
    });
  });

  describe('GET /products', () => {
    it('finds products by name case-insensitively, apostrophes included', async () => {
      const res = await call('gateway', 'GET', `/products?q=${encodeURIComponent("o'REILLY")}`);
      expect(res.status).toBe(200);
      expect(res.json.items.map((p: { name: string }) => p.name)).toContain("O'Reilly Field Guide");
    });

    it('finds products by name with an ampersand, by description and by category', async () => {
      const byName = await call('gateway', 'GET', `/products?q=${encodeURIComponent('rock & roll')}`);
      expect(byName.json.items.map((p: { name: string }) => p.name)).toContain('Rock & Roll Vinyl');
      const byDescription = await call('gateway', 'GET', '/products?q=HYDRATION');
      expect(byDescription.json.items.map((p: { name: string }) => p.name)).toEqual(['Trail Running Vest']);
      const byCategory = await call('gateway', 'GET', '/products?q=electron&pageSize=48');
      expect(byCategory.json.total).toBe(SEED_PRODUCTS.filter((p) => p.category === 'Electronics').length);
    });

    it('treats search text as data: SQL and LIKE wildcards match nothing', async () => {
      for (const q of ["' OR 1=1 --", '%', '_', '\\']) {
        const res = await call('gateway', 'GET', `/products?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ items: [], page: 1, pageSize: 12, total: 0 });
      }
      const wildcardCategory = await call('gateway', 'GET', '/products?category=%25');
      expect(wildcardCategory.json.total).toBe(0);
    });

    it('filters by category, ignoring case', async () => {
      const res = await call('gateway', 'GET', '/products?category=kitchen&pageSize=48');
      expect(res.json.total).toBe(SEED_PRODUCTS.filter((p) => p.category === 'Kitchen').length);
      expect(new Set(res.json.items.map((p: { category: string }) => p.category))).toEqual(new Set(['Kitchen']));
    });

    it('pages through a stable, name-ordered list without gaps or repeats', async () => {
      const first = await call('gateway', 'GET', '/products');
      expect(first.json).toMatchObject({ page: 1, pageSize: 12 });
      const total: number = first.json.total;
      const names: string[] = [];
      for (let page = 1; page <= Math.ceil(total / 5); page++) {
        const res = await call('gateway', 'GET', `/products?page=${page}&pageSize=5`);
        expect(res.json.items.length).toBeLessThanOrEqual(5);
        names.push(...res.json.items.map((p: { name: string }) => p.name));
      }
      expect(names).toHaveLength(total);
      expect(new Set(names).size).toBe(total);
      const all = await prisma.product.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { name: true } });
      expect(names).toEqual(all.map((p) => p.name));
      const beyond = await call('gateway', 'GET', `/products?page=${Math.ceil(total / 5) + 1}&pageSize=5`);
      expect(beyond.json.items).toEqual([]);
    });

    it('returns products in the public shape with an image URL under /api', async () => {
      const res = await call('order', 'GET', '/products?q=kalimba');
      const [product] = res.json.items;
      expect(Object.keys(product).sort()).toEqual(['category', 'currency', 'description', 'id', 'imageUrl', 'name', 'priceCents', 'stock']);
      expect(product).toMatchObject({ name: 'Kalimba Thumb Piano', currency: 'USD', priceCents: 4200, imageUrl: `/api/products/${product.id}/image.svg` });
    });

    it.each([
      ['pageSize above 48', 'pageSize=49'],
      ['pageSize of 0', 'pageSize=0'],
      ['page 0', 'page=0'],
      ['a non-numeric page', 'page=two'],
      ['a fractional page', 'page=1.5'],
      ['a search longer than 100 characters', `q=${'a'.repeat(101)}`],
      ['an unknown parameter', 'sort=price'],
      ['a repeated parameter', 'q=a&q=b'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_label, query) => {
      const res = await call('gateway', 'GET', `/products?${query}`);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /products/:id', () => {
    it('returns one product', async () => {
      const id = await createProduct(7, 2599);
      const res = await call('gateway', 'GET', `/products/${id}`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id, priceCents: 2599, stock: 7, currency: 'USD', category: 'Testing' });
    });

    it('answers an unknown id with 404 PRODUCT_NOT_FOUND', async () => {
      const res = await call('gateway', 'GET', `/products/${randomUUID()}`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('PRODUCT_NOT_FOUND');
    });

    it('answers a non-UUID id with 400 before touching the database', async () => {
      for (const id of ['42', 'not-a-uuid', encodeURIComponent("1' OR '1'='1")]) {
        const res = await call('gateway', 'GET', `/products/${id}`);
        expect(res.status).toBe(400);
        expect(res.json.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('GET /products/:id/image.svg', () => {
    it('serves a deterministic, escaped SVG with caching and a locked-down CSP', async () => {
      const search = await call('gateway', 'GET', `/products?q=${encodeURIComponent('Rock & Roll Vinyl')}`);
      const id: string = search.json.items[0].id;
      const res = await call('gateway', 'GET', `/products/${id}/image.svg`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(res.text).toContain('Rock &amp; Roll Vinyl');
      expect(res.text).not.toContain('Rock & Roll');
      expect((await call('gateway', 'GET', `/products/${id}/image.svg`)).text).toBe(res.text);
    });

    it('escapes markup in a product name', async () => {
      const product = await prisma.product.create({
        data: { name: '<script>alert("x")</script>', description: 'hostile name', category: 'Testing', priceCents: 100, stock: 5 },
      });
      const res = await call('gateway', 'GET', `/products/${product.id}/image.svg`);
      expect(res.text).not.toContain('<script');
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    });

    it('answers an unknown product with 404 PRODUCT_NOT_FOUND', async () => {
      const res = await call('gateway', 'GET', `/products/${randomUUID()}/image.svg`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('PRODUCT_NOT_FOUND');
    });
  });

  describe('who may call', () => {
    it('refuses identities other than gateway and order on /products with 403 CLIENT_NOT_ALLOWED', async () => {
      const res = await call('ops', 'GET', '/products');
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('CLIENT_NOT_ALLOWED');
    });

    it('refuses the gateway identity on /internal/* with 403 and takes no stock', async () => {
      const productId = await createProduct(3);
      const reserve = await call('gateway', 'POST', '/internal/reservations', { orderId: randomUUID(), items: [{ productId, quantity: 1 }] });
      expect(reserve.status).toBe(403);
      expect(reserve.json.error.code).toBe('CLIENT_NOT_ALLOWED');
      const release = await call('gateway', 'POST', `/internal/reservations/${randomUUID()}/release`);
      expect(release.status).toBe(403);
      expect(await stockOf(productId)).toBe(3);
    });
  });

  describe('POST /internal/reservations', () => {
    it('reserves every line, priced by the catalog, and decrements stock', async () => {
      const a = await createProduct(5, 1250);
      const b = await createProduct(2, 300);
      const orderId = randomUUID();
      const res = await call('order', 'POST', '/internal/reservations', { orderId, items: [{ productId: a, quantity: 2 }, { productId: b, quantity: 2 }] });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ orderId, totalCents: 2 * 1250 + 2 * 300, currency: 'USD' });
      expect(res.json.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ productId: a, unitPriceCents: 1250, quantity: 2 }),
          expect.objectContaining({ productId: b, unitPriceCents: 300, quantity: 2 }),
        ]),
      );
      expect([await stockOf(a), await stockOf(b)]).toEqual([3, 0]);
    });

    it('is all or nothing: one short line refuses the whole reservation with 409 OUT_OF_STOCK', async () => {
      const plenty = await createProduct(10);
      const scarce = await createProduct(1);
      const orderId = randomUUID();
      const res = await call('order', 'POST', '/internal/reservations', {
        orderId,
        items: [{ productId: plenty, quantity: 3 }, { productId: scarce, quantity: 2 }],
      });
      expect(res.status).toBe(409);
      expect(res.json.error).toMatchObject({ code: 'OUT_OF_STOCK', details: { productId: scarce } });
      expect([await stockOf(plenty), await stockOf(scarce)]).toEqual([10, 1]);
      expect(await prisma.reservation.count({ where: { orderId } })).toBe(0);
    });

    it('sells the last item exactly once when 10 buyers race for it', async () => {
      const productId = await createProduct(1);
      const attempts = await Promise.all(
        Array.from({ length: 10 }, () => call('order', 'POST', '/internal/reservations', { orderId: randomUUID(), items: [{ productId, quantity: 1 }] })),
      );
      const statuses = attempts.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      for (const loser of attempts.filter((r) => r.status === 409)) expect(loser.json.error).toMatchObject({ code: 'OUT_OF_STOCK', details: { productId } });
      expect(await stockOf(productId)).toBe(0);
      expect(await prisma.reservationItem.count({ where: { productId } })).toBe(1);
    });

    it('is idempotent per order id: a repeat returns the same reservation and takes stock once', async () => {
      const productId = await createProduct(10, 999);
      const orderId = randomUUID();
      const body = { orderId, items: [{ productId, quantity: 3 }] };
      const first = await call('order', 'POST', '/internal/reservations', body);
      const again = await call('order', 'POST', '/internal/reservations', body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
      expect(await stockOf(productId)).toBe(7);
    });

    it('takes stock once when the same order id arrives 5 times at once', async () => {
      const productId = await createProduct(10);
      const body = { orderId: randomUUID(), items: [{ productId, quantity: 4 }] };
      const replies = await Promise.all(Array.from({ length: 5 }, () => call('order', 'POST', '/internal/reservations', body)));
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      for (const reply of replies) expect(reply.json).toEqual(replies[0].json);
      expect(await stockOf(productId)).toBe(6);
    });

    it('answers an unknown product with 404 PRODUCT_NOT_FOUND and takes nothing', async () => {
      const known = await createProduct(4);
      const unknown = randomUUID();
      const res = await call('order', 'POST', '/internal/reservations', {
        orderId: randomUUID(),
        items: [{ productId: known, quantity: 1 }, { productId: unknown, quantity: 1 }],
      });
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: 'PRODUCT_NOT_FOUND', details: { productId: unknown } });
      expect(await stockOf(known)).toBe(4);
    });

    it.each([
      ['no lines', (p: string) => ({ orderId: randomUUID(), items: [] as unknown[], p })],
      ['a zero quantity', (p: string) => ({ orderId: randomUUID(), items: [{ productId: p, quantity: 0 }] })],
      ['a negative quantity', (p: string) => ({ orderId: randomUUID(), items: [{ productId: p, quantity: -1 }] })],
      ['a string quantity', (p: string) => ({ orderId: randomUUID(), items: [{ productId: p, quantity: '1' }] })],
      ['the same product twice', (p: string) => ({ orderId: randomUUID(), items: [{ productId: p, quantity: 1 }, { productId: p, quantity: 1 }] })],
      ['a price from the caller', (p: string) => ({ orderId: randomUUID(), items: [{ productId: p, quantity: 1, unitPriceCents: 1 }] })],
      ['a non-UUID order id', (p: string) => ({ orderId: 'order-1', items: [{ productId: p, quantity: 1 }] })],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_label, makeBody) => {
      const productId = await createProduct(5);
      const res = await call('order', 'POST', '/internal/reservations', makeBody(productId));
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(await stockOf(productId)).toBe(5);
    });
  });

  describe('POST /internal/reservations/:orderId/release', () => {
    it('gives stock back once, however often it is called', async () => {
      const productId = await createProduct(5);
      const orderId = randomUUID();
      await call('order', 'POST', '/internal/reservations', { orderId, items: [{ productId, quantity: 2 }] });
      expect(await stockOf(productId)).toBe(3);
      const first = await call('order', 'POST', `/internal/reservations/${orderId}/release`);
      const second = await call('order', 'POST', `/internal/reservations/${orderId}/release`);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.json).toEqual({ released: true });
      expect(second.json).toEqual({ released: true });
      expect(await stockOf(productId)).toBe(5);
    });

    it('gives stock back once when releases race', async () => {
      const productId = await createProduct(5);
      const orderId = randomUUID();
      await call('order', 'POST', '/internal/reservations', { orderId, items: [{ productId, quantity: 5 }] });
      const replies = await Promise.all(Array.from({ length: 5 }, () => call('order', 'POST', `/internal/reservations/${orderId}/release`)));
      expect(replies.every((r) => r.status === 200)).toBe(true);
      expect(await stockOf(productId)).toBe(5);
    });

    it('refuses to reserve under an order id that was already released', async () => {
      const productId = await createProduct(5);
      const orderId = randomUUID();
      expect((await call('order', 'POST', `/internal/reservations/${orderId}/release`)).status).toBe(200);
      const late = await call('order', 'POST', '/internal/reservations', { orderId, items: [{ productId, quantity: 1 }] });
      expect(late.status).toBe(409);
      expect(late.json.error.code).toBe('RESERVATION_RELEASED');
      expect(await stockOf(productId)).toBe(5);
    });

    it('answers a non-UUID order id with 400', async () => {
      const res = await call('order', 'POST', '/internal/reservations/abc/release');
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('database guard rails', () => {
    it('refuses negative stock even from a direct write', async () => {
      const productId = await createProduct(1);
      await expect(prisma.product.update({ where: { id: productId }, data: { stock: -1 } })).rejects.toThrow(/product_stock_not_negative|check constraint/i);
    });
  });
});
