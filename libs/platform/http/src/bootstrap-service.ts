import { Global, type INestApplication, Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { correlationMiddleware, currentCorrelationId, PlatformLoggingModule } from '@storefront/platform/logging';
import { httpMetricsMiddleware, type MetricsServer, RouteTemplateGuard, ServiceMetrics, startMetricsServer } from '@storefront/platform/metrics';
import { ApiErrorFilter } from './api-error.filter';
import { toApiError } from './to-api-error';
import { createValidationPipe } from './validation';

/** The TLS settings a service listens with (the mTLS lib builds them). */
export interface ServiceTlsOptions {
  key: string;
  cert: string;
  ca?: string;
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Slow-client limits of Node's HTTP server (ms, bytes); the public gateway sets them. */
  headersTimeout?: number;
  requestTimeout?: number;
  connectionsCheckingInterval?: number;
  maxHeaderSize?: number;
}

export interface ServiceBootstrapOptions {
  service: string;
  module: Type<unknown>;
  host: string;
  port: number;
  logLevel?: string;
  https: ServiceTlsOptions;
  /** Largest JSON body any route of this service accepts. */
  bodyLimit?: string;
  /** Media types parsed as JSON; anything else with a body is refused with 415. */
  jsonTypes?: string[];
  /** Last chance to add guards, middleware or static files before listening. */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
  /**
   * When set, requests are counted and timed and Prometheus metrics are served
   * on this separate plain-HTTP port (GET /metrics), closed with the app.
   */
  metricsPort?: number;
  /** Interface of the metrics listener; loopback unless the scraper runs elsewhere. */
  metricsHost?: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function requireJsonContentType(types: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!BODY_METHODS.has(req.method) || !hasBody || types.some((type) => req.is(type))) return next();
    res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: `The body must be sent as ${types.join(' or ')}.` } });
  };
}

/** Errors thrown by middleware before Nest's router (body-parser) get the same shape as everything else. */
function middlewareErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const apiError = toApiError(error, currentCorrelationId());
  res.status(apiError.status).json(apiError.body);
}

/**
 * Builds and starts one service the same way everywhere: HTTPS only,
 * correlation ids, the platform logger, strict validation, the one error
 * filter, bounded JSON bodies and graceful shutdown.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<INestApplication> {
  const jsonTypes = options.jsonTypes ?? ['application/json'];
  const metricsEnabled = options.metricsPort !== undefined;
  // Always injectable so features can register counters; Node metrics are only collected when served.
  const metrics = new ServiceMetrics(options.service, { nodeDefaults: metricsEnabled });
  let metricsServer: MetricsServer | undefined;

  @Global()
  @Module({ providers: [{ provide: ServiceMetrics, useValue: metrics }], exports: [ServiceMetrics] })
  class ServiceMetricsModule {}

  @Module({ imports: [PlatformLoggingModule.forService(options.service, options.logLevel ?? 'info'), ServiceMetricsModule, options.module] })
  class ServiceRootModule implements OnApplicationShutdown {
    // Runs on app.close() and on SIGTERM (enableShutdownHooks), after the main listener stops.
    async onApplicationShutdown() {
      await metricsServer?.close();
    }
  }

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, {
    abortOnError: false,
    httpsOptions: options.https,
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  if (metricsEnabled) app.use(httpMetricsMiddleware(metrics));
  app.use(correlationMiddleware);
  app.use(requireJsonContentType(jsonTypes));
  app.use(express.json({ limit: options.bodyLimit ?? '16kb', type: jsonTypes, strict: true }));
  app.use(middlewareErrorHandler);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  // First global guard, so even requests a later guard denies get their route template.
  if (metricsEnabled) app.useGlobalGuards(new RouteTemplateGuard());
  app.enableShutdownHooks();
  await options.configure?.(app);
  await app.listen(options.port, options.host);
  if (options.metricsPort !== undefined) {
    try {
      metricsServer = await startMetricsServer({ registry: metrics.registry, host: options.metricsHost ?? '127.0.0.1', port: options.metricsPort });
    } catch (error) {
      await app.close();
      throw error;
    }
    app.get(Logger).log({ service: options.service, host: metricsServer.host, port: metricsServer.port }, `${options.service} metrics on http://${metricsServer.host}:${metricsServer.port}/metrics`);
  }
  app.get(Logger).log({ service: options.service, host: options.host, port: options.port }, `${options.service} listening on https://${options.host}:${options.port}`);
  return app;
}
