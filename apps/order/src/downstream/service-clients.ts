import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { ORDER_CONFIG, type OrderConfig } from '../config/order.config';

/**
 * The order service's mutual-TLS clients, all presenting the `order`
 * certificate. Each one accepts only a server whose certificate names the
 * service it expects.
 */
@Injectable()
export class ServiceClients implements OnModuleDestroy {
  readonly auth: ServiceClient;
  readonly catalog: ServiceClient;
  readonly vault: ServiceClient;

  constructor(@Inject(ORDER_CONFIG) config: OrderConfig) {
    const identity = loadTlsIdentity(config.TLS_DIR, 'order');
    this.auth = new ServiceClient({ name: 'auth', baseUrl: config.AUTH_URL }, identity);
    this.catalog = new ServiceClient({ name: 'catalog', baseUrl: config.CATALOG_URL }, identity);
    this.vault = new ServiceClient({ name: 'payment-vault', baseUrl: config.VAULT_URL }, identity);
  }

  onModuleDestroy(): void {
    this.auth.close();
    this.catalog.close();
    this.vault.close();
  }
}
