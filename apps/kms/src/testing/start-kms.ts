import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import type { INestApplication } from '@nestjs/common';
import { type AccessDeniedPublisher, bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';
import { createAppModule } from '../app.module';
import type { Clock } from '../common/clock';
import { loadKmsConfig } from '../config/kms.config';

export interface KmsTestOptions {
  /** A database already migrated for kms (createTestDatabase(adminUrl, 'kms')). */
  databaseUrl: string;
  /** A TLS folder holding ca.crt and the kms certificate and key. */
  tlsDir: string;
  rootKeyFile: string;
  /** 0 (the default) picks a free port; pass the old port to restart on it. */
  port?: number;
  /** The kms's notion of now; tests move it forward to reach a rotation date. */
  clock?: Clock;
  rotationCheckIntervalSeconds?: number;
  /** Receives the access.permission.denied events the kms's guards send (the stack's kms has no publisher). */
  securityEvents?: AccessDeniedPublisher;
}

export interface RunningKms {
  app: INestApplication;
  port: number;
  url: string;
}

/**
 * Starts the real kms application in-process over mutual TLS, exactly as
 * main.ts does, for integration tests (its own and the payment vault's).
 */
export async function startKmsForTests(options: KmsTestOptions): Promise<RunningKms> {
  const config = loadKmsConfig({
    TLS_DIR: options.tlsDir,
    LOG_LEVEL: 'silent',
    KMS_DATABASE_URL: options.databaseUrl,
    KMS_ROOT_KEY_FILE: options.rootKeyFile,
    KMS_ROTATION_CHECK_INTERVAL_SECONDS: options.rotationCheckIntervalSeconds?.toString(),
  });
  const app = await bootstrapMtlsService({
    service: 'kms',
    module: createAppModule(config, options.clock, options.securityEvents),
    host: '127.0.0.1',
    port: options.port ?? 0,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(options.tlsDir, 'kms'),
    jsonTypes: ['application/x-amz-json-1.1', 'application/json'],
  });
  const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
  return { app, port, url: `https://localhost:${port}` };
}
