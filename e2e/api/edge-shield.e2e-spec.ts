import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signIn } from '../support/shopper';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
// Another loopback address, so blocking it leaves every other test's client alone.
const BLOCKED_ADDRESS = '127.0.0.31';
const other = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), BLOCKED_ADDRESS);
afterAll(async () => {
  await api.close();
  await other.close();
});

/** How many product-list requests the catalog service itself has answered (its own Prometheus counter). */
async function catalogListRequests(): Promise<number> {
  const text = await (await request(inject('metricsUrls').catalog)).body.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('http_server_requests_total{') && line.includes('route="/products"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

interface Refusal {
  error: { code: string; message: string; reference?: string };
}

describe('the edge shield (layer 1)', () => {
  it('blocks SQL injection typed into the search box before any service sees it', async () => {
    const before = await catalogListRequests();
    const attack = await api.call<Refusal>('GET', `/api/products?q=${encodeURIComponent("' UNION SELECT email, password_hash FROM users--")}`);
    expect(attack.status).toBe(403);
    expect(attack.body.error).toMatchObject({ code: 'REQUEST_BLOCKED', message: expect.stringMatching(/edge shield/) });
    expect(attack.body.error.reference).toMatch(/^EDGE-[A-Z0-9]{8}$/);
    expect(await catalogListRequests()).toBe(before);

    // Control: an odd but honest search goes through to the catalog.
    const honest = await api.call('GET', `/api/products?q=${encodeURIComponent(`O'Reilly ${randomUUID().slice(0, 8)}`)}`);
    expect(honest.status).toBe(200);
    expect(await catalogListRequests()).toBe(before + 1);
  });

  it('refuses a scanner by its user agent', async () => {
    const res = await api.call<Refusal>('GET', '/api/products', { headers: { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('SOURCE_BLOCKED');
  });

  it('serves a flood of catalog reads from the edge cache, and revalidates with ETags', async () => {
    const route = `/api/products?pageSize=7&page=${1 + Math.floor(Math.random() * 3)}&q=${randomUUID().slice(0, 6)}`;
    const before = await catalogListRequests();
    const first = await api.call('GET', route);
    expect(first.status).toBe(200);
    const flood = await Promise.all(Array.from({ length: 60 }, () => api.call('GET', route)));
    expect(flood.every((res) => res.status === 200)).toBe(true);
    expect(flood.filter((res) => res.headers['x-edge-cache'] === 'HIT').length).toBeGreaterThanOrEqual(55);
    expect((await catalogListRequests()) - before).toBeLessThanOrEqual(2);

    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const revalidated = await api.call('GET', route, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
  });

  it('lets security staff block and unblock a source from the web app, and refuses customers', async () => {
    const security = await signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
    const customer = await signIn(api, 'customer@storefront.test', 'Customer-Demo-2026');
    expect((await api.call('POST', '/api/admin/edge/blocks', { token: customer, body: { entry: BLOCKED_ADDRESS, minutes: 5 } })).status).toBe(403);
    expect((await api.call('POST', '/api/admin/edge/blocks', { token: security, body: { entry: 'not-an-ip', minutes: 5 } })).status).toBe(400);

    expect((await other.call('GET', '/api/products')).status).toBe(200);
    const blocked = await api.call<{ entry: string; until: string }>('POST', '/api/admin/edge/blocks', { token: security, body: { entry: BLOCKED_ADDRESS, minutes: 5 } });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(201);
    const refused = await other.call<Refusal>('GET', '/api/products');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('SOURCE_BLOCKED');
    // Everyone else carries on.
    expect((await api.call('GET', '/api/products')).status).toBe(200);

    const list = await api.call<{ blocks: Array<{ entry: string }> }>('GET', '/api/admin/edge/blocks', { token: security });
    expect(list.body.blocks.map((b) => b.entry)).toContain(BLOCKED_ADDRESS);
    expect((await api.call('DELETE', `/api/admin/edge/blocks?entry=${BLOCKED_ADDRESS}`, { token: security })).status).toBe(204);
    expect((await other.call('GET', '/api/products')).status).toBe(200);
  });
});
