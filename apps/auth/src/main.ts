import { exitOnInvalidConfig } from '@storefront/platform/config';
import { bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import { loadAuthConfig } from './config/auth.config';

void exitOnInvalidConfig(async () => {
  const config = loadAuthConfig(process.env);
  await bootstrapMtlsService({
    service: 'auth',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(config.TLS_DIR, 'auth'),
  });
});
