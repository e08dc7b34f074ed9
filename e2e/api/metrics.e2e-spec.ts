import { afterAll, describe, expect, inject, it } from 'vitest';
import { request } from 'undici';
import { StorefrontClient } from '../support/storefront-client';
import { inStockProduct } from '../support/shopper';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());
const metricsUrls = inject('metricsUrls');

describe.skipIf(Object.keys(metricsUrls).length === 0)('Prometheus metrics on every service', () => {
  it('counts requests by route template with the service label, and never puts an id in a label', async () => {
    const product = await inStockProduct(api, 1);
    expect((await api.call('GET', `/api/products/${product.id}`)).status).toBe(200);

    for (const [service, url] of Object.entries(metricsUrls)) {
      const res = await request(url);
      const text = await res.body.text();
      expect(res.statusCode, service).toBe(200);
      expect(text, service).toContain(`process_resident_memory_bytes{service="${service}"}`);
      expect(text, service).not.toContain(product.id);
    }
    const catalog = await (await request(metricsUrls.catalog)).body.text();
    expect(catalog).toMatch(/http_server_requests_total\{[^}]*route="\/products\/:id"[^}]*status_class="2xx"[^}]*\} [1-9]/);
  });
});
