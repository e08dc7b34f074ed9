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

/** The vault's config checks its fingerprint key file; a throwaway key satisfies it (nothing is ever fingerprinted here). */
function throwawayKeyFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'openapi-')), 'fingerprint.key');
  writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return file;
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
