import type { OnApplicationShutdown } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import type { GatewayConfig } from '../config/gateway.config';

export const UPSTREAM_NAMES = ['auth', 'catalog', 'order', 'payment-vault', 'monitor'] as const;
export type UpstreamName = (typeof UPSTREAM_NAMES)[number];

/**
 * One mTLS client per upstream, all presenting the `gateway` certificate and
 * each accepting only the certificate of the service it expects.
 */
export class Upstreams implements OnApplicationShutdown {
  private readonly clients: Record<UpstreamName, ServiceClient>;

  constructor(config: GatewayConfig) {
    const identity = loadTlsIdentity(config.TLS_DIR, 'gateway');
    const client = (name: UpstreamName, baseUrl: string) => new ServiceClient({ name, baseUrl }, identity);
    this.clients = {
      auth: client('auth', config.AUTH_URL),
      catalog: client('catalog', config.CATALOG_URL),
      order: client('order', config.ORDER_URL),
      'payment-vault': client('payment-vault', config.VAULT_URL),
      monitor: client('monitor', config.MONITOR_URL),
    };
  }

  get(name: UpstreamName): ServiceClient {
    return this.clients[name];
  }

  onApplicationShutdown(): void {
    Object.values(this.clients).forEach((client) => client.close());
  }
}
