import type { OnApplicationShutdown } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import type { MonitorConfig } from '../config/monitor.config';

/** The monitor's mTLS client for the auth service (JWKS only), closed on shutdown. */
export class AuthClient implements OnApplicationShutdown {
  readonly client: ServiceClient;

  constructor(config: MonitorConfig) {
    this.client = new ServiceClient({ name: 'auth', baseUrl: config.AUTH_URL }, loadTlsIdentity(config.TLS_DIR, 'monitor'));
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
