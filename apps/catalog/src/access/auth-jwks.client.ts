import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { CATALOG_CONFIG, type CatalogConfig } from '../config/catalog.config';

/**
 * The catalog's one outgoing call: auth's JWKS, over mutual TLS with the
 * `catalog` certificate, accepted only from a server named `auth`.
 */
@Injectable()
export class AuthJwksClient implements OnModuleDestroy {
  readonly auth: ServiceClient;

  constructor(@Inject(CATALOG_CONFIG) config: CatalogConfig) {
    this.auth = new ServiceClient({ name: 'auth', baseUrl: config.AUTH_URL }, loadTlsIdentity(config.TLS_DIR, 'catalog'));
  }

  onModuleDestroy(): void {
    this.auth.close();
  }
}
