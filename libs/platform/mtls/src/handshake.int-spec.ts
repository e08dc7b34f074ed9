import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueCertificate, type KeyAndCertificate } from '@storefront/platform/pki';
import { createTestPki, freePort } from '@storefront/platform/testing';
import { type AccessDeniedPublisher, AllowedClients, bootstrapMtlsService, HealthController, loadTlsIdentity, ServiceClient, type TlsIdentity } from './index';

type PublishedEvent = Parameters<AccessDeniedPublisher['publish']>[0];

/** Stands in for @storefront/platform/events' publisher (same provider name), which this lib may not import. */
class SecurityEventPublisher implements AccessDeniedPublisher {
  readonly published: PublishedEvent[] = [];

  async publish(event: PublishedEvent): Promise<boolean> {
    this.published.push(event);
    return true;
  }
}

@Controller('cards')
@AllowedClients('gateway')
class CardsController {
  @Get(':token')
  read() {
    return { ok: true };
  }
}

@Module({ controllers: [CardsController, HealthController] })
class CardsModule {}

describe('the mutual TLS handshake refuses every certificate but a valid one from the project CA', () => {
  const tlsDir = createTestPki(['payment-vault', 'gateway', 'catalog']);
  const projectCa: KeyAndCertificate = { keyPem: readFileSync(path.join(tlsDir, 'ca.key'), 'utf8'), certPem: readFileSync(path.join(tlsDir, 'ca.crt'), 'utf8') };
  const publisher = new SecurityEventPublisher();
  const published = publisher.published;
  let app: INestApplication;
  let baseUrl: string;

  /** A client presenting `leaf` (and trusting the project CA for the server's certificate). */
  const clientWith = (leaf: KeyAndCertificate) => {
    const identity: TlsIdentity = { name: 'gateway', key: leaf.keyPem, cert: leaf.certPem, ca: projectCa.certPem };
    return new ServiceClient({ name: 'payment-vault', baseUrl }, identity);
  };
  const health = async (client: ServiceClient) => {
    try {
      return await client.request({ method: 'GET', path: '/healthz', timeoutMs: 3000 });
    } finally {
      client.close();
    }
  };

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `https://127.0.0.1:${port}`;
    @Module({
      imports: [CardsModule],
      providers: [{ provide: SecurityEventPublisher, useValue: publisher }],
    })
    class VaultLikeModule {}
    app = await bootstrapMtlsService({ service: 'payment-vault', module: VaultLikeModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'payment-vault') });
  });
  afterAll(async () => app?.close());

  it('accepts a valid certificate from the project CA (the control case)', async () => {
    const valid = loadTlsIdentity(tlsDir, 'gateway');
    expect((await health(clientWith({ keyPem: valid.key, certPem: valid.cert }))).status).toBe(200);
  });

  it('refuses an expired certificate issued by the project CA', async () => {
    const expired = issueCertificate(projectCa, { commonName: 'gateway', dnsNames: ['gateway'], validDays: -1 });
    await expect(health(clientWith(expired))).rejects.toMatchObject({ status: 503 });
  });

  it('refuses a self-signed certificate that claims a project identity', async () => {
    const selfSigned = createCertificateAuthority('gateway', 7);
    await expect(health(clientWith(selfSigned))).rejects.toMatchObject({ status: 503 });
  });

  it('refuses a certificate from a foreign CA, even with the right name', async () => {
    const foreign = issueCertificate(createCertificateAuthority('Some Other Root CA', 30), { commonName: 'gateway', dnsNames: ['gateway'], validDays: 7 });
    await expect(health(clientWith(foreign))).rejects.toMatchObject({ status: 503 });
  });

  it('refuses a client with no certificate at all', async () => {
    await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
  });

  it('answers a valid identity outside the route allow-list with 403 and an access.permission.denied event', async () => {
    const catalog = new ServiceClient({ name: 'payment-vault', baseUrl }, loadTlsIdentity(tlsDir, 'catalog'));
    try {
      await expect(catalog.json({ method: 'GET', path: '/cards/tok_4242' })).rejects.toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
    } finally {
      catalog.close();
    }
    expect(published).toEqual([
      expect.objectContaining({
        type: 'access.permission.denied',
        outcome: 'blocked',
        details: { clientIdentity: 'catalog', method: 'GET', route: '/cards/:token' },
      }),
    ]);
    expect(JSON.stringify(published)).not.toContain('tok_4242');
  });
});
