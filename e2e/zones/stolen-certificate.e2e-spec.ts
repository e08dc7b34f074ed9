import path from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import { httpsFrom } from './support/probe';

const facts = inject('zoneFacts');
const vault = () => `https://${facts.serviceAddresses.vault}:${facts.services['payment-vault'].port}`;
const catalogCertificate = () => ({
  cert: path.join(facts.tlsDir, 'catalog.crt'),
  key: path.join(facts.tlsDir, 'catalog.key'),
  ca: path.join(facts.tlsDir, 'ca.crt'),
});
const TOKENIZE = { path: '/payments/cards', body: JSON.stringify({ number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123', holder: 'Mallory' }) };
const CHARGE = { path: '/internal/charges', body: JSON.stringify({ cardToken: 'tok_stolen', amountCents: 100, currency: 'USD' }) };

describe.skipIf(Boolean(facts.skipReason))('a stolen client certificate of the catalog service', () => {
  const monitorDb = new Client({ connectionString: facts.monitorDatabaseUrl });
  afterAll(() => monitorDb.end().catch(() => undefined));

  it.each([
    ['tokenize', TOKENIZE],
    ['charge', CHARGE],
  ] as const)('cannot %s from the catalog’s place in the app zone: the network refuses', async (_name, route) => {
    const result = await httpsFrom(facts.namespaces.app, { url: `${vault()}${route.path}`, method: 'POST', body: route.body, ...catalogCertificate() }, facts.services.catalog.gid);
    expect(result.status).toBeUndefined();
    expect(result.error).toMatch(/ECONNREFUSED|ECONNRESET|ETIMEDOUT/);
  });

  it.each([
    ['tokenize', TOKENIZE],
    ['charge', CHARGE],
  ] as const)('cannot %s even from a place the network lets through (the order service’s): the vault answers 403', async (_name, route) => {
    const result = await httpsFrom(facts.namespaces.app, { url: `${vault()}${route.path}`, method: 'POST', body: route.body, ...catalogCertificate() }, facts.services.order.gid);
    expect(result.status, result.body ?? result.error).toBe(403);
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ error: { code: 'CLIENT_NOT_ALLOWED' } });
  });

  it('and each refusal reaches the monitor as an access.permission.denied security event from the vault', async () => {
    await monitorDb.connect();
    const routes = await eventually(async () => {
      const { rows } = await monitorDb.query<{ route: string }>(
        `select distinct details->>'route' as route from security_event
          where type = 'access.permission.denied' and service = 'payment-vault' and details->>'clientIdentity' = 'catalog'`,
      );
      return rows.length >= 2 ? rows.map((r) => r.route).sort() : undefined;
    });
    expect(routes).toEqual(['/internal/charges', '/payments/cards']);
  });
});
