import 'reflect-metadata';
import { exitOnInvalidConfig } from '@storefront/platform/config';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadCatalogConfig } from './config/catalog.config';

void exitOnInvalidConfig(async () => {
  const config = loadCatalogConfig();
  await bootstrapMtlsService({
    service: 'catalog',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'catalog'),
  });
});
