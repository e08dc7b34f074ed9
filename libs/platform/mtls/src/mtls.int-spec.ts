import { Controller, Get, type INestApplication, Module, Post, Body } from '@nestjs/common';
import { IsInt, Min } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki } from '@storefront/platform/testing';
import { AllowedClients, bootstrapMtlsService, HealthController, loadTlsIdentity, ServiceClient } from './index';

class EchoDto {
  @IsInt()
  @Min(1)
  quantity!: number;
}

@Controller('echo')
@AllowedClients('order')
class EchoController {
  @Get()
  hello() {
    return { hello: 'order' };
  }

  @Post()
  echo(@Body() body: EchoDto) {
    return body;
  }
}

@Module({ controllers: [EchoController, HealthController] })
class EchoModule {}

describe('mutual TLS between services', () => {
  const tlsDir = createTestPki(['catalog', 'order', 'gateway', 'ops']);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const baseUrl = `https://127.0.0.1:${port}`;
  let app: INestApplication;
  const client = (identity: string, expect = 'catalog') => new ServiceClient({ name: expect, baseUrl }, loadTlsIdentity(tlsDir, identity));

  beforeAll(async () => {
    app = await bootstrapMtlsService({ service: 'catalog', module: EchoModule, host: '127.0.0.1', port, identity: loadTlsIdentity(tlsDir, 'catalog') });
  });
  afterAll(async () => app?.close());

  it('serves an allowed identity', async () => {
    await expect(client('order').json({ method: 'GET', path: '/echo' })).resolves.toEqual({ hello: 'order' });
  });

  it('refuses an identity that is not on the route allow-list with 403 CLIENT_NOT_ALLOWED', async () => {
    await expect(client('gateway').json({ method: 'GET', path: '/echo' })).rejects.toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
  });

  it('lets every project identity check health', async () => {
    await expect(client('ops').json({ method: 'GET', path: '/healthz' })).resolves.toEqual({ status: 'ok' });
  });

  it('refuses a client that presents no certificate at the handshake', async () => {
    const response = fetch(`${baseUrl}/healthz`);
    await expect(response).rejects.toThrow();
  });

  it('refuses to talk to a server whose certificate names another service', async () => {
    await expect(client('order', 'payment-vault').json({ method: 'GET', path: '/echo' })).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers malformed JSON, unknown fields and wrong types with 400 in the error shape', async () => {
    const order = client('order');
    const malformed = await order.request({ method: 'POST', path: '/echo', body: '{"quantity": 1', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body.toString()).error.code).toBe('MALFORMED_JSON');
    await expect(order.json({ method: 'POST', path: '/echo', body: { quantity: 1, role: 'admin' } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(order.json({ method: 'POST', path: '/echo', body: { quantity: 'one' } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(order.json({ method: 'POST', path: '/echo', body: { quantity: -1 } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers an oversized body with 413 and a non-JSON body with 415', async () => {
    const order = client('order');
    const huge = await order.request({ method: 'POST', path: '/echo', body: JSON.stringify({ quantity: 1, pad: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body.toString()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await order.request({ method: 'POST', path: '/echo', body: 'quantity=1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body.toString()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
