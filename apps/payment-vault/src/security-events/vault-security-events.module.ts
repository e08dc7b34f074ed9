import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SecurityEventsModule } from '@storefront/platform/events';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import type { VaultConfig } from '../config/payment-vault.config';

const MONITOR_CLIENT = Symbol('MONITOR_CLIENT');

/** Closes the monitor client on shutdown (SecurityEventsModule.forHttp leaves that to its caller). */
class MonitorClientCloser implements OnApplicationShutdown {
  constructor(@Inject(MONITOR_CLIENT) private readonly client: ServiceClient | null) {}

  onApplicationShutdown(): void {
    this.client?.close();
  }
}

/**
 * The vault zone has no route to the app zone's Redis (its own Redis holds
 * only the rewrap queue), so its security events go to the
 * monitor's POST /events over mutual TLS. Without MONITOR_URL (a vault
 * started alone) the publisher is there but drops every event, with a log line.
 */
@Module({})
export class VaultSecurityEventsModule {
  static register(config: VaultConfig): DynamicModule {
    const client = config.MONITOR_URL
      ? new ServiceClient({ name: 'monitor', baseUrl: config.MONITOR_URL }, loadTlsIdentity(config.TLS_DIR, 'payment-vault'))
      : null;
    return {
      module: VaultSecurityEventsModule,
      imports: [client ? SecurityEventsModule.forHttp({ service: 'payment-vault', monitorClient: client }) : SecurityEventsModule.disabled('payment-vault')],
      providers: [{ provide: MONITOR_CLIENT, useValue: client }, MonitorClientCloser],
    };
  }
}
