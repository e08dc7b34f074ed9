import type { Server } from 'node:https';
import { type INestApplication, Logger } from '@nestjs/common';
import { bootstrapService } from '@storefront/platform/http';
import { loadTlsIdentity, publicServerOptions, reloadServerCertificate } from '@storefront/platform/mtls';
import { createAppModule } from './app.module';
import type { GatewayConfig } from './config/gateway.config';
import { trustProxySetting } from './edge/client-ip';
import { capConnectionsPerAddress } from './edge/connection-cap';
import { corsForOwnOrigin } from './edge/cors';
import { securityHeaders } from './edge/security-headers';
import { EdgeShield } from './edge/shield/edge-shield';
import { edgeShieldMiddleware } from './edge/shield/edge-shield.middleware';
import { serveStorefront } from './web/storefront-site';

/** Builds and starts the gateway on public HTTPS (browsers present no client certificate). main.ts and the tests use it. */
export async function startGateway(config: GatewayConfig): Promise<INestApplication> {
  const identity = loadTlsIdentity(config.TLS_DIR, 'gateway');
  return bootstrapService({
    service: 'gateway',
    module: createAppModule(config),
    host: config.HOST,
    port: config.PORT,
    metricsPort: config.METRICS_PORT,
    metricsHost: config.METRICS_HOST,
    logLevel: config.LOG_LEVEL,
    https: {
      ...publicServerOptions(identity),
      // Floods and slow clients: headers must arrive in time, whole requests too, and headers stay small.
      headersTimeout: config.HEADERS_TIMEOUT_SECONDS * 1000,
      requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
      // How often Node checks those timeouts (its default, 30 s, would let a slow-loris sit for half a minute).
      connectionsCheckingInterval: 1_000,
      maxHeaderSize: 16 * 1024,
    },
    bodyLimit: '32kb',
    configure: (app) => {
      // A renewed certificate reaches browsers on their next connection, without a restart.
      reloadServerCertificate(app.getHttpServer() as Server, identity, publicServerOptions);
      app.set('trust proxy', trustProxySetting(config.TRUSTED_PROXIES));
      app.use(securityHeaders());
      app.use(corsForOwnOrigin(config.PUBLIC_ORIGIN));
      // Layer 1 before anything answers: the API and the static site alike.
      if (config.EDGE_GUARDS === 'on') app.use(edgeShieldMiddleware(app.get(EdgeShield)));
      serveStorefront(app, config.WEB_DIR);
      const logger = new Logger('EdgeConnections');
      capConnectionsPerAddress(app.getHttpServer(), config.MAX_CONNECTIONS_PER_IP, (address) =>
        logger.warn({ address, limit: config.MAX_CONNECTIONS_PER_IP }, 'connection refused: too many open connections from one address'),
      );
    },
  });
}
