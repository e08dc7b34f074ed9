import { exitOnInvalidConfig } from '@storefront/platform/config';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadVaultConfig } from './config/payment-vault.config';

void exitOnInvalidConfig(async () => {
  const config = loadVaultConfig();
  await bootstrapMtlsService({
    service: 'payment-vault',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'payment-vault'),
    // Card and charge requests are tiny; a small limit keeps junk out of the vault.
    bodyLimit: '4kb',
  });
});
