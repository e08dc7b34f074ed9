import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '@storefront/platform/http';
import { loadTlsIdentity, publicServerOptions } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import type { GatewayConfig } from './config/gateway.config';
import { trustProxySetting } from './edge/client-ip';
import { corsForOwnOrigin } from './edge/cors';
import { securityHeaders } from './edge/security-headers';
import { serveStorefront } from './web/storefront-site';

/** Builds and starts the gateway on public HTTPS (browsers present no client certificate). main.ts and the tests use it. */
export async function startGateway(config: GatewayConfig): Promise<INestApplication> {
  return bootstrapService({
    service: 'gateway',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    https: publicServerOptions(loadTlsIdentity(config.TLS_DIR, 'gateway')),
    bodyLimit: '32kb',
    configure: (app) => {
      app.set('trust proxy', trustProxySetting(config.TRUSTED_PROXIES));
      app.use(securityHeaders());
      app.use(corsForOwnOrigin(config.PUBLIC_ORIGIN));
      serveStorefront(app, config.WEB_DIR);
    },
  });
}
