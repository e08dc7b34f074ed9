import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, uniqueRedisPrefix } from '@storefront/platform/testing';
import { builtWebDir, deleteKeys, startGatewayFor, startUpstreams, stopUpstreams, type Upstreams } from '../testing/gateway-harness';

type Gateway = Awaited<ReturnType<typeof startGatewayFor>>;

const login = { method: 'POST', path: '/api/auth/login', body: { email: 'a@example.com', password: 'guess' } } as const;

describe('gateway rate-limit tiers (counters in Redis)', () => {
  let up: Upstreams;
  const started: Gateway[] = [];
  const prefixes: string[] = [];

  async function gateway(overrides: Record<string, string>): Promise<Gateway> {
    const gw = await startGatewayFor(up, { WEB_DIR: builtWebDir(), ...overrides });
    started.push(gw);
    return gw;
  }

  beforeAll(async () => {
    up = await startUpstreams();
  });
  afterAll(async () => {
    await Promise.all(started.map((gw) => gw.stop().catch(() => undefined)));
    await Promise.all(prefixes.map(deleteKeys));
    await stopUpstreams(up);
  });

  it('lets at most the limit through when 1,000 requests race (per IP, 5 per window)', async () => {
    // The per-address connection cap is a separate defence (tested on its own); here every socket must get an answer.
    const gw = await gateway({ RATE_LIMIT_PER_MINUTE: '5', MAX_CONNECTIONS_PER_IP: '5000' });
    const statuses = await Promise.all(Array.from({ length: 1000 }, () => gw.call({ method: 'GET', path: '/api/products' }).then((res) => res.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(995);
  });

  it('slows catalog scraping after the soft threshold, then answers 429 with Retry-After, blocks, and reports it', async () => {
    const gw = await gateway({
      RATE_LIMIT_PER_MINUTE: '1000',
      CATALOG_SLOW_AFTER_PER_MINUTE: '3',
      CATALOG_LIMIT_PER_MINUTE: '6',
      CATALOG_DELAY_STEP_MS: '150',
      CATALOG_DELAY_MAX_MS: '300',
      CATALOG_BLOCK_SECONDS: '30',
    });
    const durations: number[] = [];
    for (let i = 0; i < 6; i++) {
      const startedAt = performance.now();
      const res = await gw.call({ method: 'GET', path: `/api/products?page=${i + 1}` });
      durations.push(performance.now() - startedAt);
      expect(res.status).toBe(200);
    }
    // Requests 2 and 3 are under the soft threshold; 4 waits one step, 5 and 6 are capped at 300 ms.
    expect(durations[1]).toBeLessThan(150);
    expect(durations[2]).toBeLessThan(150);
    expect(durations[3]).toBeGreaterThanOrEqual(145);
    expect(durations[4]).toBeGreaterThanOrEqual(295);
    expect(durations[5]).toBeGreaterThanOrEqual(295);
    expect(durations[5]).toBeLessThan(1_000);

    const forwarded = up.catalog.received.length;
    const blocked = await gw.call({ method: 'GET', path: '/api/products/anything' });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(30);
    // Still blocked (not just over the window's count), also under another spelling, and nothing reached the catalog.
    expect((await gw.call({ method: 'GET', path: '/api/Products/x' })).status).toBe(429);
    expect(up.catalog.received.length).toBe(forwarded);

    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'catalog'));
    expect(event).toMatchObject({ outcome: 'blocked', source: { ip: '127.0.0.1' }, details: { limit: 6, method: 'GET' } });
    // The block is the catalog's: the rest of the API still answers this address.
    expect((await gw.call(login)).status).toBe(200);
  });

  it('blocks sign-in attempts from an address after the login limit, for the block period, across login/register/mfa', async () => {
    const gw = await gateway({ LOGIN_LIMIT_PER_MINUTE: '3', LOGIN_BLOCK_SECONDS: '900' });
    for (let i = 0; i < 3; i++) expect((await gw.call(login)).status).toBe(200);
    const forwarded = up.auth.received.length;
    const blocked = await gw.call(login);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(890);
    const register = await gw.call({ method: 'POST', path: '/api/auth/register', body: { email: 'b@example.com', password: 'x', name: 'B' } });
    expect(register.status).toBe(429);
    const mfa = await gw.call({ method: 'POST', path: '/api/auth/mfa/verify', body: { mfaToken: 'x', code: '123456' } });
    expect(mfa.status).toBe(429);
    expect(up.auth.received.length).toBe(forwarded);
    expect((await gw.call({ method: 'GET', path: '/api/products' })).status).toBe(200);
    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'login'));
    expect(event).toMatchObject({ details: { limit: 3, path: '/api/auth/login' } });
  });

  it('limits writes per verified user, whatever the address, and leaves other users alone', async () => {
    const gw = await gateway({ USER_WRITE_LIMIT_PER_MINUTE: '2' });
    const alice = randomUUID();
    const aliceToken = await up.auth.token(['customer'], alice);
    const bobToken = await up.auth.token(['customer'], randomUUID());
    const addItem = (token: string) =>
      gw.call({ method: 'POST', path: '/api/cart/items', body: { productId: randomUUID(), quantity: 1 }, headers: { authorization: `Bearer ${token}` } });

    expect((await addItem(aliceToken)).status).toBe(200);
    // A second token of the same user (another device) shares the budget.
    expect((await addItem(await up.auth.token(['customer'], alice))).status).toBe(200);
    const blocked = await addItem(aliceToken);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await addItem(bobToken)).status).toBe(200);
    // Reads are not in the user tier.
    expect((await gw.call({ method: 'GET', path: '/api/cart', headers: { authorization: `Bearer ${aliceToken}` } })).status).toBe(200);

    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'user'));
    expect(event).toMatchObject({ actor: { userId: alice }, source: { ip: '127.0.0.1' }, details: { limit: 2, method: 'POST' } });
  });

  it('limits card tokenization and checkout per address, then blocks both', async () => {
    const gw = await gateway({ PAYMENT_LIMIT_PER_MINUTE: '2', PAYMENT_BLOCK_SECONDS: '600' });
    const token = await up.auth.token(['customer'], randomUUID());
    const authorization = `Bearer ${token}`;
    const tokenize = () => gw.call({ method: 'POST', path: '/api/payments/cards', body: { holder: 'A' }, headers: { authorization } });
    expect((await tokenize()).status).toBe(200);
    expect((await tokenize()).status).toBe(200);
    const blocked = await tokenize();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(590);
    const checkout = await gw.call({ method: 'POST', path: '/api/orders', body: {}, headers: { authorization, 'idempotency-key': randomUUID() } });
    expect(checkout.status).toBe(429);
    // Browsing and the cart are other tiers.
    expect((await gw.call({ method: 'GET', path: '/api/cart', headers: { authorization } })).status).toBe(200);
    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'payment'));
    expect(event).toMatchObject({ details: { limit: 2, blockSeconds: 600, strike: 1 } });
  });

  it('doubles the block of a client that comes straight back, and reports each block once', async () => {
    const gw = await gateway({ CATALOG_SLOW_AFTER_PER_MINUTE: '1', CATALOG_LIMIT_PER_MINUTE: '2', CATALOG_DELAY_STEP_MS: '0', CATALOG_BLOCK_SECONDS: '1' });
    const read = () => gw.call({ method: 'GET', path: '/api/products' });
    const exceed = async () => {
      let res = await read();
      while (res.status === 200) res = await read();
      return res;
    };
    expect((await exceed()).headers['retry-after']).toBe('1');
    expect((await read()).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await exceed()).headers['retry-after']).toBe('2');
    const blocks = await eventually(async () => {
      const found = (await gw.events('edge.rate_limited')).filter((e) => e.details.tier === 'catalog');
      return found.length === 2 ? found : undefined;
    });
    expect(blocks.map((e) => e.details.strike).sort()).toEqual([1, 2]);
    expect(blocks.map((e) => e.details.blockSeconds).sort()).toEqual([1, 2]);
  });

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted: every spelling shares one budget', async () => {
    const gw = await gateway({ LOGIN_LIMIT_PER_MINUTE: '2' });
    const from = (ip: string) => gw.call({ ...login, headers: { 'x-forwarded-for': ip } });
    expect((await from('198.51.100.1')).status).toBe(200);
    expect((await from('198.51.100.2')).status).toBe(200);
    expect((await from('198.51.100.3')).status).toBe(429);
    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'login'));
    expect(event.source.ip).toBe('127.0.0.1');
  });

  it('behind a trusted proxy counts the address the proxy saw, not one the client prepended', async () => {
    const gw = await gateway({ LOGIN_LIMIT_PER_MINUTE: '1', TRUSTED_PROXIES: '127.0.0.1,::1' });
    // The client wrote "6.6.6.6"; the proxy (127.0.0.1, trusted) appended the address it saw.
    const via = (client: string) => gw.call({ ...login, headers: { 'x-forwarded-for': `6.6.6.6, ${client}` } });
    expect((await via('203.0.113.10')).status).toBe(200);
    expect((await via('203.0.113.11')).status).toBe(200);
    expect((await via('203.0.113.10')).status).toBe(429);
    const event = await eventually(async () => (await gw.events('edge.rate_limited')).find((e) => e.details.tier === 'login'));
    expect(event.source.ip).toBe('203.0.113.10');
    // What reaches the upstream is the address the gateway established, not the client's chain.
    const forwardedFor = up.auth.received.at(-1)?.headers['x-forwarded-for'];
    expect(forwardedFor).toBe('203.0.113.11');
  });

  it('does not count a forged token against the user it names; the proxy refuses it with 401', async () => {
    const gw = await gateway({ USER_WRITE_LIMIT_PER_MINUTE: '1' });
    for (let i = 0; i < 3; i++) {
      const res = await gw.call({ method: 'POST', path: '/api/cart/items', body: { productId: randomUUID(), quantity: 1 }, headers: { authorization: `Bearer ${await up.auth.forgedToken()}` } });
      expect(res.status).toBe(401);
    }
  });

  it('keeps counts across a gateway restart and shares them between replicas with the same prefix', async () => {
    const prefix = uniqueRedisPrefix('gateway-restart');
    prefixes.push(prefix);
    const settings = { LOGIN_LIMIT_PER_MINUTE: '2', LOGIN_BLOCK_SECONDS: '60', RATE_LIMIT_PREFIX: prefix };

    const first = await gateway(settings);
    const replica = await gateway(settings);
    expect((await first.call(login)).status).toBe(200);
    expect((await replica.call(login)).status).toBe(200);
    expect((await first.call(login)).status).toBe(429);
    expect((await replica.call(login)).status).toBe(429);
    await first.stop();
    await replica.stop();

    const restarted = await gateway(settings);
    const res = await restarted.call(login);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
