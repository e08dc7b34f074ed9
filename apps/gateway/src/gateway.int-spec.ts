import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { assertionKeyFromCertificate, verifyInternalAssertion } from '@storefront/identity/assertion';
import { builtWebDir, INDEX_HTML, PUBLIC_ORIGIN, startGatewayFor, startUpstreams, stopUpstreams, tlsDir, type Upstreams } from './testing/gateway-harness';
import { eventually } from '@storefront/platform/testing';
import type { StandIn } from './testing/stand-in-upstreams';

const last = (standIn: StandIn) => standIn.received[standIn.received.length - 1];

describe('gateway', () => {
  let up: Upstreams;
  let gw: Awaited<ReturnType<typeof startGatewayFor>>;
  let customer: string;
  let customerId: string;

  beforeAll(async () => {
    up = await startUpstreams();
    gw = await startGatewayFor(up, { WEB_DIR: builtWebDir() });
    customerId = randomUUID();
    customer = await up.auth.token(['customer'], customerId);
  });
  afterAll(async () => {
    await gw?.stop();
    await stopUpstreams(up);
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('answers GET /healthz publicly', async () => {
    const res = await gw.call({ method: 'GET', path: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  describe('routing and header allow-list', () => {
    it('forwards GET /api/products with its query to catalog /products without a token', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/products?q=mug&page=2' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ service: 'catalog', method: 'GET', path: '/products?q=mug&page=2' });
    });

    it('sends catalog no cookie, no client x-forwarded-for and no unlisted header', async () => {
      await gw.call({
        method: 'GET',
        path: '/api/products/123',
        headers: { cookie: 'refresh=secret', 'x-forwarded-for': '6.6.6.6', 'x-storefront-user': 'attacker', 'x-debug': 'on', 'user-agent': 'shopper/1.0', 'x-correlation-id': 'corr-test-12345678' },
      });
      const { headers } = last(up.catalog);
      expect(headers.cookie).toBeUndefined();
      expect(headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(headers['x-storefront-user']).toBeUndefined();
      expect(headers['x-debug']).toBeUndefined();
      expect(headers['user-agent']).toBe('shopper/1.0');
      expect(headers['x-correlation-id']).toBe('corr-test-12345678');
    });

    it('returns only safe response headers from an upstream', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/products' });
      expect(res.headers['x-internal-debug']).toBeUndefined();
      expect(res.headers.etag).toBe('W/"echo"');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('serves the product SVG with its own CSP and without a cookie from catalog', async () => {
      const res = await gw.call({ method: 'GET', path: `/api/products/${randomUUID()}/image.svg` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('forwards sign-in to auth with the cookie both ways', async () => {
      const res = await gw.call({ method: 'POST', path: '/api/auth/login', body: { email: 'a@example.com', password: 'x' }, headers: { cookie: 'refresh=old' } });
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toEqual(['refresh=r1; HttpOnly; Secure; SameSite=Strict; Path=/api/auth']);
      expect(res.headers['x-internal-debug']).toBeUndefined();
      expect(last(up.auth)).toMatchObject({ method: 'POST', path: '/auth/login', body: { email: 'a@example.com', password: 'x' } });
      expect(last(up.auth).headers.cookie).toBe('refresh=old');
    });

    it('forwards a signed-in cart request to order with the token', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/cart', headers: bearer(customer) });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ service: 'order', path: '/cart' });
      expect(last(up.order).headers.authorization).toBe(`Bearer ${customer}`);
    });

    it('sends the vault a gateway-signed assertion of the verified user, bound to the route, never a client header', async () => {
      const card = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', holder: 'A' };
      const headers = { ...bearer(customer), 'x-storefront-user': randomUUID(), 'x-storefront-assertion': 'forged', cookie: 'refresh=secret' };
      const res = await gw.call({ method: 'POST', path: '/api/payments/cards', body: card, headers });
      expect(res.status).toBe(200);
      const received = last(up.vault);
      expect(received).toMatchObject({ method: 'POST', path: '/payments/cards', body: card });
      expect(received.headers['x-storefront-user']).toBeUndefined();
      const assertion = received.headers['x-storefront-assertion'];
      expect(typeof assertion).toBe('string');
      // Verifiable with the gateway certificate's key, as the vault does it.
      const key = await assertionKeyFromCertificate(readFileSync(path.join(tlsDir, 'gateway.crt'), 'utf8'));
      const target = { audience: 'payment-vault', method: 'POST', path: '/payments/cards' };
      await expect(verifyInternalAssertion(assertion as string, key, target)).resolves.toBe(customerId);
      expect(decodeJwt(assertion as string)).toMatchObject({ iss: 'gateway', aud: 'payment-vault', sub: customerId, htm: 'POST', htu: '/payments/cards' });
      expect(received.headers.authorization).toBeUndefined();
      expect(received.headers.cookie).toBeUndefined();
    });

    it('passes an upstream JSON error through as it is', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/orders/missing', headers: bearer(customer) });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: { code: 'ORDER_NOT_FOUND', message: 'No such order.' } });
    });
  });

  describe('identity at the edge', () => {
    it('refuses /api/cart without a token with 401 before reaching order, and reports it', async () => {
      const before = up.order.received.length;
      const res = await gw.call({ method: 'GET', path: '/api/cart' });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(up.order.received.length).toBe(before);
      const refused = await eventually(async () => (await gw.events('edge.token.refused')).find((e) => e.details.reason === 'missing' && e.details.path === '/api/cart'));
      expect(refused).toMatchObject({ service: 'gateway', outcome: 'blocked', source: { ip: '127.0.0.1' } });
    });

    it('refuses a token signed with an unpublished key with 401', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/admin/orders', headers: bearer(await up.auth.forgedToken()) });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a malformed Authorization header with 401', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
      expect(res.status).toBe(401);
    });

    it('needs a token for writes to public read routes', async () => {
      const res = await gw.call({ method: 'DELETE', path: '/api/products/123' });
      expect(res.status).toBe(401);
    });
  });

  describe('what is never exposed', () => {
    it('answers /api/internal/reservations with 404 NOT_FOUND and never forwards it', async () => {
      const before = up.catalog.received.length;
      for (const method of ['GET', 'POST']) {
        const res = await gw.call({ method, path: '/api/internal/reservations', headers: bearer(customer), ...(method === 'POST' ? { body: {} } : {}) });
        expect(res.status).toBe(404);
        expect(res.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
      expect(up.catalog.received.length).toBe(before);
    });

    it.each(['/api/products/../internal/reservations', '/api/products/%2e%2e/internal/reservations', '/api/products/%2E./internal', '/api/products%2f..%2finternal', '/api/products//x'])(
      'refuses the traversal %s before routing (the edge shield, or else INVALID_PATH)',
      async (traversal) => {
        const before = up.catalog.received.length;
        const res = await gw.raw('GET', traversal);
        // Most spellings are an attack signature for the WAF (403); the rest fail the router's own path check (400).
        expect([400, 403]).toContain(res.status);
        expect((JSON.parse(res.text) as { error: { code: string } }).error.code).toMatch(/^(REQUEST_BLOCKED|INVALID_PATH)$/);
        expect(up.catalog.received.length).toBe(before);
      },
    );

    it('answers an unknown /api path with 404 in the error shape, not the storefront page', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/nope' });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });

  describe('failures', () => {
    it('answers 503 SERVICE_UNAVAILABLE in the error shape when the upstream is down, without internal details', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/admin/alerts', headers: bearer(await up.auth.token(['security-analyst'])) });
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/monitor/) } });
      expect(res.json.error).not.toHaveProperty('details');
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    });

    it('answers malformed JSON with 400 MALFORMED_JSON before forwarding', async () => {
      const before = up.auth.received.length;
      const res = await gw.call({ method: 'POST', path: '/api/auth/login', body: '{"email": "a@', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
      expect(up.auth.received.length).toBe(before);
    });

    it('answers a 40 kB body with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await gw.call({ method: 'POST', path: '/api/auth/register', body: { email: 'a@example.com', password: 'x', name: 'x'.repeat(40_000) } });
      expect(res.status).toBe(413);
      expect(res.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    });

    it('refuses a state-changing request from another site’s Origin with 403, and accepts the public origin', async () => {
      const evil = await gw.call({ method: 'POST', path: '/api/auth/refresh', headers: { origin: 'https://evil.example', cookie: 'refresh=r1' } });
      expect(evil.status).toBe(403);
      expect(evil.json).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
      const ours = await gw.call({ method: 'POST', path: '/api/auth/refresh', headers: { origin: PUBLIC_ORIGIN, cookie: 'refresh=r1', 'x-requested-with': 'storefront' } });
      expect(ours.status).toBe(200);
    });
  });

  describe('CSRF on cookie-authenticated state changes', () => {
    it.each(['/api/auth/refresh', '/api/auth/logout'])('refuses %s without x-requested-with: storefront with 403 CSRF_REJECTED, before reaching auth', async (target) => {
      const before = up.auth.received.length;
      for (const headers of [{ cookie: 'refresh=r1' }, { cookie: 'refresh=r1', origin: PUBLIC_ORIGIN }, { cookie: 'refresh=r1', 'x-requested-with': 'XMLHttpRequest' }]) {
        const res = await gw.call({ method: 'POST', path: target, headers });
        expect(res.status).toBe(403);
        expect(res.json).toMatchObject({ error: { code: 'CSRF_REJECTED' } });
      }
      expect(up.auth.received.length).toBe(before);
      const event = await eventually(async () => (await gw.events('edge.waf.blocked')).find((e) => e.details.path === target));
      expect(event).toMatchObject({ outcome: 'blocked', details: { reason: 'csrf_header_missing' } });
    });

    it('forwards refresh with the header and the cookie to auth', async () => {
      const res = await gw.call({ method: 'POST', path: '/api/auth/refresh', headers: { origin: PUBLIC_ORIGIN, cookie: 'refresh=r1', 'x-requested-with': 'storefront' } });
      expect(res.status).toBe(200);
      expect(last(up.auth)).toMatchObject({ method: 'POST', path: '/auth/refresh' });
      expect(last(up.auth).headers.cookie).toBe('refresh=r1');
      // The header proved its point at the edge; it is not on the forwarding allow-list.
      expect(last(up.auth).headers['x-requested-with']).toBeUndefined();
    });

    it('still refuses the header from another site’s Origin', async () => {
      const res = await gw.call({ method: 'POST', path: '/api/auth/logout', headers: { origin: 'https://evil.example', cookie: 'refresh=r1', 'x-requested-with': 'storefront' } });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } });
    });

    it('does not ask for the header on sign-in (no cookie authenticates it)', async () => {
      const res = await gw.call({ method: 'POST', path: '/api/auth/login', body: { email: 'a@example.com', password: 'x' } });
      expect(res.status).toBe(200);
    });
  });

  describe('CORS', () => {
    it('allows the store’s own origin, with credentials', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/products', headers: { origin: PUBLIC_ORIGIN } });
      expect(res.headers['access-control-allow-origin']).toBe(PUBLIC_ORIGIN);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers.vary).toMatch(/Origin/);
    });

    it('sends no CORS headers to another origin', async () => {
      const res = await gw.call({ method: 'GET', path: '/api/products', headers: { origin: 'https://evil.example' } });
      expect(res.status).toBe(200);
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });

    it('answers a preflight from the own origin with the allowed methods and headers, without forwarding it', async () => {
      const before = up.auth.received.length;
      const res = await gw.call({
        method: 'OPTIONS',
        path: '/api/auth/refresh',
        headers: { origin: PUBLIC_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with' },
      });
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(PUBLIC_ORIGIN);
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      expect(res.headers['access-control-allow-headers']).toContain('x-requested-with');
      expect(up.auth.received.length).toBe(before);
    });

    it('refuses a preflight from another origin with no allow headers', async () => {
      const before = up.auth.received.length;
      const res = await gw.call({
        method: 'OPTIONS',
        path: '/api/auth/refresh',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with' },
      });
      expect(res.status).toBe(403);
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(up.auth.received.length).toBe(before);
    });
  });

  describe('security headers and the storefront', () => {
    it('sends a strict CSP, HSTS, nosniff, no-referrer and frame-ancestors none on pages and API answers', async () => {
      for (const target of ['/', '/api/products']) {
        const res = await gw.call({ method: 'GET', path: target });
        expect(res.headers['content-security-policy']).toBe(
          "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';frame-ancestors 'none';base-uri 'none';form-action 'self'",
        );
        expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('serves index.html at /', async () => {
      const res = await gw.call({ method: 'GET', path: '/' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toBe(INDEX_HTML);
    });

    it('serves index.html for a client-side route such as /orders/123', async () => {
      const res = await gw.call({ method: 'GET', path: '/orders/123' });
      expect(res.status).toBe(200);
      expect(res.text).toBe(INDEX_HTML);
    });

    it('serves hashed assets with a long cache and a missing asset as 404, not HTML', async () => {
      const asset = await gw.call({ method: 'GET', path: '/assets/main-abc123.js' });
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      const missing = await gw.call({ method: 'GET', path: '/assets/missing.js' });
      expect(missing.status).toBe(404);
      expect(missing.text).not.toContain('<html');
    });
  });
});

describe('gateway without a built storefront', () => {
  let up: Upstreams;
  let gw: Awaited<ReturnType<typeof startGatewayFor>>;

  beforeAll(async () => {
    up = await startUpstreams();
    gw = await startGatewayFor(up, { WEB_DIR: path.join(tmpdir(), `no-such-web-${randomUUID()}`) });
  });
  afterAll(async () => {
    await gw?.stop();
    await stopUpstreams(up);
  });

  it('answers / with a 503 page that says to run the build, while /api keeps working', async () => {
    const page = await gw.call({ method: 'GET', path: '/' });
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/npm run build/);
    expect((await gw.call({ method: 'GET', path: '/api/products' })).status).toBe(200);
  });
});

describe('gateway rate limit', () => {
  let up: Upstreams;
  let gw: Awaited<ReturnType<typeof startGatewayFor>>;

  beforeAll(async () => {
    up = await startUpstreams();
    gw = await startGatewayFor(up, { WEB_DIR: builtWebDir(), RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await gw?.stop();
    await stopUpstreams(up);
  });

  it('answers 429 RATE_LIMITED with Retry-After past the limit and reports the block once', async () => {
    const statuses: number[] = [];
    let blocked;
    for (let i = 0; i < 6; i++) {
      const res = await gw.call({ method: 'GET', path: '/api/products' });
      statuses.push(res.status);
      if (res.status === 429) blocked = res;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(blocked?.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0);
    const events = await eventually(async () => {
      const found = await gw.events('edge.rate_limited');
      return found.length ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await gw.events('edge.rate_limited')).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: 'blocked', source: { ip: '127.0.0.1' }, details: { limit: 3 } });
  });

  it('never rate-limits /healthz', async () => {
    for (let i = 0; i < 5; i++) expect((await gw.call({ method: 'GET', path: '/healthz' })).status).toBe(200);
  });
});
