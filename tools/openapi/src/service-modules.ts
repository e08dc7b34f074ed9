/* eslint-disable @nx/enforce-module-boundaries -- the API description is generated from every service's own controllers and DTOs, and filtered by the gateway's route table: reading the apps is this tool's purpose. Nothing here runs in a service. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import { createTestPki } from '@storefront/platform/testing';
import { createAppModule as authModule } from '../../../apps/auth/src/app.module';
import { loadAuthConfig } from '../../../apps/auth/src/config/auth.config';
import { createAppModule as catalogModule } from '../../../apps/catalog/src/app.module';
import { loadCatalogConfig } from '../../../apps/catalog/src/config/catalog.config';
import { loadMonitorConfig } from '../../../apps/monitor/src/config/monitor.config';
import { createAppModule as monitorModule } from '../../../apps/monitor/src/app.module';
import { loadOrderConfig } from '../../../apps/order/src/config/order.config';
import { createAppModule as orderModule } from '../../../apps/order/src/app.module';
import { loadVaultConfig } from '../../../apps/payment-vault/src/config/payment-vault.config';
import { createAppModule as vaultModule } from '../../../apps/payment-vault/src/app.module';
import { loadKmsConfig } from '../../../apps/kms/src/config/kms.config';
import { createAppModule as kmsModule } from '../../../apps/kms/src/app.module';
import { loadGatewayConfig } from '../../../apps/gateway/src/config/gateway.config';
import { createAppModule as gatewayModule } from '../../../apps/gateway/src/app.module';
import type { UpstreamName } from '../../../apps/gateway/src/core/upstreams';
/* eslint-enable @nx/enforce-module-boundaries */

export interface ServiceModule {
  service: UpstreamName;
  module: Type<unknown>;
}

/**
 * Each service's configuration from its documented .env.example. The
 * modules are only inspected (Nest preview mode: nothing is instantiated,
 * nothing connects), so the values need to be valid, not real.
 */
function exampleEnv(root: string, app: string, tlsDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path.join(root, 'apps', app, '.env.example'), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=([^#]*?)\s*(#.*)?$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return { ...env, TLS_DIR: tlsDir, LOG_LEVEL: 'silent' };
}

/** The vault's and the kms's configs check their key files; a throwaway key satisfies them (nothing is ever encrypted or fingerprinted here). */
function throwawayKeyFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'fingerprint.key');
  writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return file;
}

/** The services that serve no part of the public API themselves: the kms (internal) and the gateway (the edge, with its own staff routes). */
export interface EdgeAndInternalModules {
  kms: Type<unknown>;
  gateway: Type<unknown>;
}

/** The kms and the gateway as root modules, for inspection only (the route-lock test checks every route of every service). */
export function edgeAndInternalModules(root: string): EdgeAndInternalModules {
  const tlsDir = createTestPki(['kms', 'gateway']);
  const kmsEnv = { ...exampleEnv(root, 'kms', tlsDir), KMS_ROOT_KEY_FILE: throwawayKeyFile() };
  const gatewayEnv = { ...exampleEnv(root, 'gateway', tlsDir), WEB_DIR: mkdtempSync(path.join(tmpdir(), 'openapi-web-')) };
  return { kms: kmsModule(loadKmsConfig(kmsEnv)), gateway: gatewayModule(loadGatewayConfig(gatewayEnv)) };
}

/** Every service that serves part of the public API, as its root module. */
export function serviceModules(root: string): ServiceModule[] {
  // Some modules load their client certificates while being declared: throwaway ones from a throwaway CA do.
  const tlsDir = createTestPki(['auth', 'catalog', 'order', 'payment-vault', 'monitor']);
  const env = (app: string) => exampleEnv(root, app, tlsDir);
  const vaultEnv = { ...env('payment-vault'), FINGERPRINT_KEY_FILE: throwawayKeyFile() };
  return [
    { service: 'auth', module: authModule(loadAuthConfig(env('auth'))) },
    { service: 'catalog', module: catalogModule(loadCatalogConfig(env('catalog'))) },
    { service: 'order', module: orderModule(loadOrderConfig(env('order'))) },
    { service: 'payment-vault', module: vaultModule(loadVaultConfig(vaultEnv)) },
    { service: 'monitor', module: monitorModule(loadMonitorConfig(env('monitor')), Buffer.alloc(32)) },
  ];
}
