import type { OnApplicationShutdown } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import type { GatewayConfig } from '../config/gateway.config';
import { proxyError, ProxyError } from '../proxy/proxy.errors';

/** The store's own services: always configured (the certificates page lists each). */
export const UPSTREAM_NAMES = ['auth', 'catalog', 'order', 'payment-vault', 'monitor'] as const;
export type StoreUpstreamName = (typeof UPSTREAM_NAMES)[number];
/**
 * Besides the store: the attack lab's runner (tools/attack/lab-server.mjs),
 * the attacker's machine, reached only when ATTACK_LAB_URL is set (npm start
 * and the e2e stack set it; production never does).
 */
export type UpstreamName = StoreUpstreamName | 'attack-lab';

/**
 * One mTLS client per upstream, all presenting the `gateway` certificate and
 * each accepting only the certificate of the service it expects.
 */
export class Upstreams implements OnApplicationShutdown {
  private readonly clients: Partial<Record<UpstreamName, ServiceClient>>;

  constructor(config: GatewayConfig) {
    const identity = loadTlsIdentity(config.TLS_DIR, 'gateway');
    const client = (name: UpstreamName, baseUrl: string) => new ServiceClient({ name, baseUrl }, identity);
    this.clients = {
      auth: client('auth', config.AUTH_URL),
      catalog: client('catalog', config.CATALOG_URL),
      order: client('order', config.ORDER_URL),
      'payment-vault': client('payment-vault', config.VAULT_URL),
      monitor: client('monitor', config.MONITOR_URL),
      ...(config.ATTACK_LAB_URL ? { 'attack-lab': client('attack-lab', config.ATTACK_LAB_URL) } : {}),
    };
  }

  /** The client for `name`; 503 ATTACK_LAB_UNAVAILABLE when it is the attack lab and none is configured. */
  get(name: UpstreamName): ServiceClient {
    const client = this.clients[name];
    if (client) return client;
    throw proxyError(ProxyError.AttackLabUnavailable, 'The attack lab runs only beside a local store: start the store with `npm start`, which starts the lab and sets ATTACK_LAB_URL.');
  }

  onApplicationShutdown(): void {
    Object.values(this.clients).forEach((client) => client.close());
  }
}
