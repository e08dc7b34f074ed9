import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, serialise } from './openapi-file';
import { generatePublicApi } from './public-api';

const ROOT = path.resolve(__dirname, '../../..');

describe('the public API description', () => {
  it('is in sync with the code (run `npm run openapi` after changing a route or a DTO)', async () => {
    const generated = await generatePublicApi(ROOT);
    expect(serialise(generated)).toBe(readFileSync(path.join(ROOT, OPENAPI_FILE), 'utf8'));
  }, 60_000);

  it('describes the contract routes with their request schemas and nothing internal', async () => {
    const document = await generatePublicApi(ROOT);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/products/{id}', '/api/auth/login', '/api/cart/items', '/api/payments/cards', '/api/orders']));
    expect(Object.keys(document.paths).some((p) => p.includes('internal') || p.includes('.well-known'))).toBe(false);
    const tokenize = document.paths['/api/payments/cards'].post;
    expect(tokenize?.security).toEqual([{ bearer: [] }]);
    const body = document.components?.schemas?.[(tokenize?.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content['application/json'].schema.$ref.split('/').pop() as string];
    expect(body).toMatchObject({ properties: { number: expect.any(Object), cvc: expect.any(Object) } });
    expect(document.paths['/api/products'].get?.security).toBeUndefined();
    expect(document.paths['/api/orders'].post?.parameters?.map((p) => ('name' in p ? p.name : ''))).toContain('idempotency-key');
  }, 60_000);
});
