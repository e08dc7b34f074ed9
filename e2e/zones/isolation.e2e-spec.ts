import { describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';
import { checkout, inStockProduct, newShopper, tokenize } from '../support/shopper';
import { connectFrom } from './support/probe';

const facts = inject('zoneFacts');
const skip = Boolean(facts.skipReason);
const ns = facts.namespaces;
const svc = (name: string) => facts.services[name];
const at = (name: string) => ({ host: facts.serviceAddresses[svc(name).zone], port: svc(name).port });

describe.skipIf(skip)('the store works through its zones (the control for every refusal below)', () => {
  it('signs a shopper up, tokenizes a card and checks out: edge → app → vault → KMS all connect', async () => {
    const api = new StorefrontClient(facts.baseUrl, facts.tlsDir);
    try {
      const { token } = await newShopper(api);
      const product = await inStockProduct(api, 1);
      expect((await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1 } })).status).toBeLessThan(300);
      const card = await tokenize(api, token);
      expect(card.status, card.text).toBe(201);
      const order = await checkout(api, token, card.body.cardToken);
      expect(order.status, order.text).toBe(201);
    } finally {
      await api.close();
    }
  });

  it('lets exactly the services that must call the vault reach its port', async () => {
    expect(await connectFrom(ns.edge, at('payment-vault').host, at('payment-vault').port, svc('gateway').gid)).toEqual({ connected: true });
    expect(await connectFrom(ns.app, at('payment-vault').host, at('payment-vault').port, svc('order').gid)).toEqual({ connected: true });
  });
});

describe.skipIf(skip)('from the edge zone (a foothold beside the gateway)', () => {
  const targets = () => ({
    vault: at('payment-vault'),
    kms: at('kms'),
    'vault PostgreSQL': { host: facts.serviceAddresses.vault, port: facts.dataPorts.vaultPostgres },
    'vault Redis': { host: facts.serviceAddresses.vault, port: facts.dataPorts.vaultRedis },
    'PostgreSQL via the host': { host: facts.hostAddresses.public, port: facts.dataPorts.postgres },
    'PostgreSQL via the app zone link': { host: facts.hostAddresses.data, port: facts.dataPorts.postgres },
    'Redis via the host': { host: facts.hostAddresses.public, port: facts.dataPorts.redis },
    'Redis via the app zone link': { host: facts.hostAddresses.data, port: facts.dataPorts.redis },
    auth: at('auth'),
  });

  it.each(['vault', 'kms', 'vault PostgreSQL', 'vault Redis', 'PostgreSQL via the host', 'PostgreSQL via the app zone link', 'Redis via the host', 'Redis via the app zone link', 'auth'] as const)(
    'cannot connect to %s',
    async (name) => {
      const target = targets()[name];
      const result = await connectFrom(ns.edge, target.host, target.port);
      expect(result.connected, `${name} at ${target.host}:${target.port}`).toBe(false);
    },
  );

  it('and even the gateway itself reaches neither the KMS nor the vault database', async () => {
    expect((await connectFrom(ns.edge, at('kms').host, at('kms').port, svc('gateway').gid)).connected).toBe(false);
    expect((await connectFrom(ns.edge, facts.serviceAddresses.vault, facts.dataPorts.vaultPostgres, svc('gateway').gid)).connected).toBe(false);
  });
});

describe.skipIf(skip)('from the app zone (a compromised catalog service)', () => {
  it('cannot connect to the vault, the KMS, the vault database or the vault Redis', async () => {
    const catalog = svc('catalog').gid;
    // Not even the order service, the one app-zone caller of the vault: the vault's Redis is the vault's alone.
    for (const gid of [catalog, svc('order').gid]) expect((await connectFrom(ns.app, facts.serviceAddresses.vault, facts.dataPorts.vaultRedis, gid)).connected).toBe(false);
    expect((await connectFrom(ns.app, at('payment-vault').host, at('payment-vault').port, catalog)).connected).toBe(false);
    expect((await connectFrom(ns.app, at('kms').host, at('kms').port, catalog)).connected).toBe(false);
    expect((await connectFrom(ns.app, facts.serviceAddresses.vault, facts.dataPorts.vaultPostgres, catalog)).connected).toBe(false);
  });

  it('nor can a plain process in the zone, and the order service reaches the vault port only', async () => {
    expect((await connectFrom(ns.app, at('payment-vault').host, at('payment-vault').port)).connected).toBe(false);
    expect((await connectFrom(ns.app, at('kms').host, at('kms').port, svc('order').gid)).connected).toBe(false);
  });
});

describe.skipIf(skip)('from the vault zone (card data lives here)', () => {
  it('reaches its own KMS, database and Redis (the control)', async () => {
    expect(await connectFrom(ns.vault, at('kms').host, at('kms').port)).toEqual({ connected: true });
    expect(await connectFrom(ns.vault, facts.serviceAddresses.vault, facts.dataPorts.vaultRedis)).toEqual({ connected: true });
    expect(await connectFrom(ns.vault, facts.serviceAddresses.vault, facts.dataPorts.vaultPostgres)).toEqual({ connected: true });
  });

  const outside = () => ({
    'the internet': { host: '1.1.1.1', port: 443 },
    'the host (public link)': { host: facts.hostAddresses.public, port: facts.dataPorts.redis },
    'the host PostgreSQL': { host: facts.hostAddresses.data, port: facts.dataPorts.postgres },
    'the gateway': { host: facts.publicAddress, port: svc('gateway').port },
    'the auth service': at('auth'),
    'the order service': at('order'),
    'the monitor (as anyone but the vault)': at('monitor'),
  });

  it.each(['the internet', 'the host (public link)', 'the host PostgreSQL', 'the gateway', 'the auth service', 'the order service', 'the monitor (as anyone but the vault)'] as const)(
    'cannot reach %s',
    async (name) => {
      const target = outside()[name];
      const result = await connectFrom(ns.vault, target.host, target.port);
      expect(result.connected, `${name} at ${target.host}:${target.port}`).toBe(false);
    },
  );

  it('has no default route: the kernel knows no way out', async () => {
    const result = await connectFrom(ns.vault, '1.1.1.1', 443, svc('payment-vault').gid);
    expect(result).toEqual({ connected: false, error: 'ENETUNREACH' });
  });

  it('lets the KMS reach nothing outside either, not even the monitor', async () => {
    expect((await connectFrom(ns.vault, at('monitor').host, at('monitor').port, svc('kms').gid)).connected).toBe(false);
  });
});
