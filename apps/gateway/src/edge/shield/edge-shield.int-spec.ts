import { readFileSync } from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import { builtWebDir, startGatewayFor, startUpstreams, stopUpstreams, tlsDir, type Upstreams } from '../../testing/gateway-harness';

type Gateway = Awaited<ReturnType<typeof startGatewayFor>>;

/** A raw TLS connection to the gateway that sends only what the test tells it to. */
function openSocket(port: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: readFileSync(path.join(tlsDir, 'ca.crt')) }, () => resolve(socket));
    socket.on('error', reject); // after the handshake, a reset only rejects a settled promise
  });
}

function closed(socket: tls.TLSSocket): Promise<number> {
  const started = performance.now();
  // Read whatever arrives (the server's 408): a paused socket would never see the end.
  socket.resume();
  return new Promise((resolve) => socket.once('close', () => resolve(performance.now() - started)));
}

describe('the edge shield at the gateway', () => {
  let up: Upstreams;
  let gw: Gateway;
  let redis: Redis;

  beforeAll(async () => {
    up = await startUpstreams();
    gw = await startGatewayFor(up, { WEB_DIR: builtWebDir(), MAX_CONNECTIONS_PER_IP: '20', HEADERS_TIMEOUT_SECONDS: '1' });
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    await gw?.stop();
    await stopUpstreams(up);
    await redis?.quit();
  });

  it('refuses SQL injection in the search with 403 and a reference, reports the rules, and never forwards it', async () => {
    const before = up.catalog.received.length;
    const res = await gw.call({ method: 'GET', path: `/api/products?q=${encodeURIComponent("1' UNION SELECT password FROM users--")}` });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'REQUEST_BLOCKED', reference: expect.stringMatching(/^EDGE-/) } });
    expect(up.catalog.received.length).toBe(before);
    const event = await eventually(async () => (await gw.events('edge.waf.blocked')).find((e) => e.details.reason === 'waf'));
    expect(event.details).toMatchObject({ reference: (res.json.error as { reference: string }).reference, classes: expect.stringContaining('sqli') });
    expect(String(event.details.rules)).toMatch(/942\d{3}/);
  });

  it('inspects JSON bodies too, and lets an honest odd-looking order through', async () => {
    const token = await up.auth.token(['customer'], 'user-1');
    const headers = { authorization: `Bearer ${token}` };
    const attack = await gw.call({ method: 'POST', path: '/api/cart/items', body: { productId: 'x', quantity: 1, note: '<script>alert(1)</script>' }, headers });
    expect(attack.status).toBe(403);
    const honest = await gw.call({ method: 'POST', path: '/api/cart/items', body: { productId: 'rock-and-roll', quantity: 1, note: "O'Reilly: C++ primer & 1=1 scale model" }, headers });
    expect(honest.status).toBe(200);
  });

  it('refuses an address the monitor (or staff) put on the blocklist in Redis, within seconds, and lets it back after', async () => {
    // The same shape the monitor writes: member = address, score = expiry in epoch ms.
    const key = `${gw.prefix}:edge:blocklist`;
    await redis.zadd(key, Date.now() + 60_000, '127.0.0.1');
    const refused = await eventually(async () => {
      const res = await gw.call({ method: 'GET', path: '/api/products' });
      return res.status === 403 ? res : undefined;
    });
    expect(refused.json).toMatchObject({ error: { code: 'SOURCE_BLOCKED' } });
    await redis.zrem(key, '127.0.0.1');
    await eventually(async () => ((await gw.call({ method: 'GET', path: '/api/products' })).status === 200 ? true : undefined));
  });

  it('closes a slow-loris connection that never finishes its headers', async () => {
    const socket = await openSocket(gw.port);
    socket.write('GET /api/products HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    const ms = await closed(socket);
    // HEADERS_TIMEOUT_SECONDS=1, checked every second.
    expect(ms).toBeLessThan(5_000);
  });

  it('cuts off connections from one address beyond its cap (MAX_CONNECTIONS_PER_IP=20)', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 30 }, () => openSocket(gw.port)));
    const open = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    // The test client's own keep-alive connections count too, so at most 20 of these get through.
    expect(open.length).toBeLessThanOrEqual(20);
    expect(attempts.length - open.length).toBeGreaterThanOrEqual(10);
    open.forEach((socket) => socket.destroy());
    // Once they are gone, the address may connect again.
    await eventually(async () => ((await gw.call({ method: 'GET', path: '/healthz' })).status === 200 ? true : undefined));
  });
});
