import { afterAll, describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

describe('the OpenAPI description', () => {
  it('is served by the running store beside the web app', async () => {
    const res = await api.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/orders');
  });
});
