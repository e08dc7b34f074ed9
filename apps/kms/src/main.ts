import { exitOnInvalidConfig } from '@storefront/platform/config';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadKmsConfig } from './config/kms.config';

void exitOnInvalidConfig(async () => {
  const config = loadKmsConfig();
  await bootstrapMtlsService({
    service: 'kms',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'kms'),
    // The AWS SDK speaks application/x-amz-json-1.1; plain JSON is accepted for curl and health checks.
    jsonTypes: ['application/x-amz-json-1.1', 'application/json'],
  });
});
