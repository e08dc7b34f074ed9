import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Controller, Get, type INestApplication, Module, Req } from '@nestjs/common';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevSecrets, issueCertificate } from '@storefront/platform/pki';
import { createTestPki, eventually, freePort } from '@storefront/platform/testing';
import { AllowedClients, bootstrapMtlsService, HealthController, loadTlsIdentity, readRenewedIdentity, ServiceClient } from './index';

const DAY_MS = 86_400_000;
// Short, so a renewal shows within the test's deadline; services use TLS_RELOAD_INTERVAL_MS (a minute).
const RELOAD_MS = 100;

@Controller('peer')
@AllowedClients('gateway')
class PeerController {
  /** The fingerprint of the client certificate this connection was made with. */
  @Get()
  peer(@Req() request: Request) {
    return { fingerprint256: (request.socket as TLSSocket).getPeerCertificate().fingerprint256 };
  }
}

@Module({ controllers: [PeerController, HealthController] })
class PeerModule {}

describe('a renewed certificate takes effect without a restart', () => {
  const tlsDir = createTestPki(['payment-vault', 'gateway', 'order', 'catalog']);
  const secretsDir = path.dirname(tlsDir);
  let app: INestApplication;
  let baseUrl: string;
  const clients: ServiceClient[] = [];

  const gatewayClient = () => {
    const client = new ServiceClient({ name: 'payment-vault', baseUrl }, loadTlsIdentity(tlsDir, 'gateway'), { tlsReloadIntervalMs: RELOAD_MS });
    clients.push(client);
    return client;
  };
  /** The launcher's renewal, run as if five days had passed: a week-long certificate is then past half its life. */
  const renewAsTheLauncherWould = (identity: string) =>
    ensureDevSecrets({ dir: secretsDir, identities: [identity], databases: [], leafValidDays: 14, now: () => new Date(Date.now() + 5 * DAY_MS) });
  const onDisk = (identity: string) => new X509Certificate(readFileSync(path.join(tlsDir, `${identity}.crt`)));

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `https://127.0.0.1:${port}`;
    const identity = loadTlsIdentity(tlsDir, 'payment-vault');
    app = await bootstrapMtlsService({ service: 'payment-vault', module: PeerModule, host: '127.0.0.1', port, logLevel: 'silent', identity, tlsReloadIntervalMs: RELOAD_MS });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await app?.close();
  });

  it('the server presents its renewed certificate (new serial, later expiry) on a fresh connection', async () => {
    const client = gatewayClient();
    const before = await client.peerCertificate();
    const original = onDisk('payment-vault');
    expect(before.fingerprint256).toBe(original.fingerprint256);

    renewAsTheLauncherWould('payment-vault');
    const renewed = onDisk('payment-vault');
    expect(renewed.serialNumber).not.toBe(original.serialNumber);

    const after = await eventually(async () => {
      const presented = await client.peerCertificate();
      return presented.fingerprint256 === before.fingerprint256 ? undefined : presented;
    });
    expect(after.fingerprint256).toBe(renewed.fingerprint256);
    expect(Date.parse(after.validTo)).toBeGreaterThan(Date.parse(before.validTo) + 5 * DAY_MS);
  });

  it('a client presents its renewed certificate on its next connection', async () => {
    const client = gatewayClient();
    const presented = async () => (await client.json<{ fingerprint256: string }>({ method: 'GET', path: '/peer' })).fingerprint256;
    expect(await presented()).toBe(onDisk('gateway').fingerprint256);

    renewAsTheLauncherWould('gateway');
    const renewed = onDisk('gateway').fingerprint256;
    await expect(eventually(async () => ((await presented()) === renewed ? true : undefined))).resolves.toBe(true);
  });

  it('ignores a half-written renewal (new certificate, old key) and a certificate for another identity', () => {
    const current = loadTlsIdentity(tlsDir, 'order');
    const ca = { keyPem: readFileSync(path.join(tlsDir, 'ca.key'), 'utf8'), certPem: current.ca };
    const next = issueCertificate(ca, { commonName: 'order', dnsNames: ['order'], validDays: 7 });

    writeFileSync(path.join(tlsDir, 'order.crt'), next.certPem);
    expect(readRenewedIdentity(current)).toBeUndefined();

    writeFileSync(path.join(tlsDir, 'order.key'), next.keyPem);
    expect(readRenewedIdentity(current)).toMatchObject({ name: 'order', cert: next.certPem, key: next.keyPem });

    const catalog = loadTlsIdentity(tlsDir, 'catalog');
    writeFileSync(path.join(tlsDir, 'order.crt'), catalog.cert);
    writeFileSync(path.join(tlsDir, 'order.key'), catalog.key);
    expect(readRenewedIdentity(current)).toBeUndefined();
  });
});
