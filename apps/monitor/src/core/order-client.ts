import type { OnApplicationShutdown } from '@nestjs/common';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import type { MonitorConfig } from '../config/monitor.config';

/** The monitor's mTLS client for the order service (hold for review only), when ORDER_URL is set; closed on shutdown. */
export class OrderClient implements OnApplicationShutdown {
  readonly client: ServiceClient | undefined;

  constructor(config: MonitorConfig) {
    this.client = config.ORDER_URL ? new ServiceClient({ name: 'order', baseUrl: config.ORDER_URL }, loadTlsIdentity(config.TLS_DIR, 'monitor')) : undefined;
  }

  onApplicationShutdown(): void {
    this.client?.close();
  }
}
