import 'reflect-metadata';
import { exitOnInvalidConfig } from '@storefront/platform/config';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadOrderConfig } from './config/order.config';

void exitOnInvalidConfig(async () => {
  const config = loadOrderConfig();
  await bootstrapMtlsService({
    service: 'order',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'order'),
  });
});
