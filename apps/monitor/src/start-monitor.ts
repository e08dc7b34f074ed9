import type { INestApplication } from '@nestjs/common';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadAuditKey } from './config/audit-key';
import type { MonitorConfig } from './config/monitor.config';

/** Builds and starts the monitor on mutual TLS. main.ts and the integration tests both use it. */
export async function startMonitor(config: MonitorConfig): Promise<INestApplication> {
  const auditKey = loadAuditKey(config.AUDIT_HMAC_KEY_FILE);
  return bootstrapMtlsService({
    service: 'monitor',
    module: createAppModule(config, auditKey),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'monitor'),
  });
}
