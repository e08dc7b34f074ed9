import net from 'node:net';
import { Controller, Get, type INestApplication, Module, Param, ParseUUIDPipe } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_DURATION_BUCKETS } from '@storefront/platform/metrics';
import { createTestPki, freePort } from '@storefront/platform/testing';
import { AllowedClients, bootstrapMtlsService, HealthController, loadTlsIdentity, ServiceClient } from './index';

// Lives in platform-mtls, not platform-metrics: booting through bootstrapService from the
// metrics lib would make a dependency cycle (http -> metrics -> mtls -> http).
const ID = '7b0e4c52-1a9d-4f3e-8c6b-2d5a9f0e1b34';
const OTHER_ID = 'c4d8e2f1-6a3b-4e9c-b7d0-1f2a3b4c5d6e';

@Controller('items')
@AllowedClients('order')
class ItemsController {
  @Get(':id')
  item(@Param('id', ParseUUIDPipe) id: string) {
    return { id };
  }
}

@Module({ controllers: [ItemsController, HealthController] })
class ItemsModule {}

/** The value of one sample in Prometheus text format, matched by name and a subset of labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('Prometheus metrics on a separate listener', () => {
  const tlsDir = createTestPki(['catalog', 'order', 'ops']);
  let app: INestApplication;
  let port: number;
  let metricsPort: number;
  let scrape: string;
  const client = (identity: string) => new ServiceClient({ name: 'catalog', baseUrl: `https://127.0.0.1:${port}` }, loadTlsIdentity(tlsDir, identity));

  beforeAll(async () => {
    port = await freePort();
    metricsPort = await freePort();
    app = await bootstrapMtlsService({ service: 'catalog', module: ItemsModule, host: '127.0.0.1', port, metricsPort, identity: loadTlsIdentity(tlsDir, 'catalog') });
    const order = client('order');
    await order.json({ method: 'GET', path: `/items/${ID}` });
    await order.json({ method: 'GET', path: `/items/${OTHER_ID}` });
    expect((await order.request({ method: 'GET', path: '/items/not-a-uuid' })).status).toBe(400);
    expect((await order.request({ method: 'GET', path: `/no-such-route/${ID}` })).status).toBe(404);
    expect((await client('ops').request({ method: 'GET', path: `/items/${ID}` })).status).toBe(403);
    await client('ops').json({ method: 'GET', path: '/healthz' });
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    scrape = await response.text();
  });
  afterAll(async () => app?.close());

  it('counts requests by method, route template and status class', () => {
    const count = (route: string, statusClass: string) => sample(scrape, 'http_server_requests_total', { service: 'catalog', method: 'GET', route, status_class: statusClass });
    expect(count('/items/:id', '2xx')).toBe(2);
    expect(count('/items/:id', '4xx')).toBe(2); // the 400 and the denied client (403)
    expect(count('/healthz', '2xx')).toBe(1);
    expect(count('unmatched', '4xx')).toBe(1);
  });

  it('never puts a raw path or id in a label', () => {
    expect(scrape).not.toContain(ID);
    expect(scrape).not.toContain(OTHER_ID);
    expect(scrape).not.toContain('not-a-uuid');
    expect(scrape).not.toContain('no-such-route');
  });

  it('times requests in a histogram with the declared buckets', () => {
    const labels = { service: 'catalog', method: 'GET', route: '/items/:id', status_class: '2xx' };
    for (const le of HTTP_DURATION_BUCKETS) {
      expect(sample(scrape, 'http_server_request_duration_seconds_bucket', { ...labels, le: String(le) })).toBeTypeOf('number');
    }
    expect(sample(scrape, 'http_server_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(2);
    expect(sample(scrape, 'http_server_request_duration_seconds_count', labels)).toBe(2);
    expect(sample(scrape, 'http_server_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
  });

  it('exposes the default Node process metrics labelled with the service', () => {
    expect(sample(scrape, 'process_cpu_user_seconds_total', { service: 'catalog' })).toBeGreaterThan(0);
    expect(sample(scrape, 'process_resident_memory_bytes', { service: 'catalog' })).toBeGreaterThan(0);
    expect(sample(scrape, 'nodejs_eventloop_lag_max_seconds', { service: 'catalog' })).toBeTypeOf('number');
  });

  it('answers anything but GET /metrics with 404', async () => {
    expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
  });

  it('does not serve metrics on the service port', async () => {
    expect((await client('order').request({ method: 'GET', path: '/metrics' })).status).toBe(404);
  });

  it('frees the metrics port when the app closes', async () => {
    await app.close();
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
    expect(await portIsFree(metricsPort)).toBe(true);
  });
});
