import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { bootstrapMtlsService, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { type BuiltService, createTestDatabase, createTestPki, startBuiltService, type TestDatabase, uniqueRedisPrefix } from '@storefront/platform/testing';
import { createAppModule } from '../app.module';
import { loadVaultConfig } from '../config/payment-vault.config';

export interface VaultStackOptions {
  /** The vault's own Redis (VAULT_REDIS_URL); each stack gets its own key prefix in it. */
  redisUrl: string;
  /** More variables for the vault's configuration (e.g. a small rewrap page). */
  env?: Record<string, string>;
}

export interface VaultStack {
  tlsDir: string;
  /** The vault's configuration as loaded (its Redis URL and prefix included), for a second vault on the same data. */
  env: Record<string, string>;
  vault: INestApplication;
  vaultDatabase: TestDatabase;
  kms: BuiltService;
  /** Calls the vault over mTLS as the given identity. */
  client(identity: string): ServiceClient;
  /** A pg client on the vault database (caller ends it). */
  sql(): Promise<Client>;
  stopKms(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh vault and a fresh real KMS, each with its own migrated test
 * database, talking mutual TLS with certificates from a throwaway CA.
 */
export async function startVaultStack(postgresAdminUrl: string, options: VaultStackOptions): Promise<VaultStack> {
  const tlsDir = createTestPki(['kms', 'payment-vault', 'gateway', 'order', 'ops']);
  const secretsDir = path.join(tlsDir, '..');
  const [kmsDatabase, vaultDatabase] = await Promise.all([createTestDatabase(postgresAdminUrl, 'kms'), createTestDatabase(postgresAdminUrl, 'payment-vault')]);
  // The REAL kms, as its own process from the build: apps never import apps, not even in tests.
  let kms: BuiltService | undefined = await startBuiltService({
    name: 'kms',
    tlsDir,
    env: { KMS_DATABASE_URL: kmsDatabase.url, KMS_ROOT_KEY_FILE: path.join(secretsDir, 'kms', 'root.key') },
  });
  const env: Record<string, string> = {
    TLS_DIR: tlsDir,
    LOG_LEVEL: 'silent',
    VAULT_DATABASE_URL: vaultDatabase.url,
    KMS_URL: kms.url,
    FINGERPRINT_KEY_FILE: path.join(secretsDir, 'vault', 'fingerprint.key'),
    VAULT_REDIS_URL: options.redisUrl,
    VAULT_REDIS_PREFIX: uniqueRedisPrefix('vault'),
    ...options.env,
  };
  const config = loadVaultConfig(env);
  const vault = await bootstrapMtlsService({
    service: 'payment-vault',
    module: createAppModule(config),
    host: '127.0.0.1',
    port: 0,
    logLevel: config.LOG_LEVEL,
    identity: loadTlsIdentity(tlsDir, 'payment-vault'),
  });
  const port = ((vault.getHttpServer() as Server).address() as AddressInfo).port;
  const clients: ServiceClient[] = [];
  const runningKms = kms;

  return {
    tlsDir,
    env,
    vault,
    vaultDatabase,
    kms: runningKms,
    client(identity) {
      const client = new ServiceClient({ name: 'payment-vault', baseUrl: `https://localhost:${port}` }, loadTlsIdentity(tlsDir, identity));
      clients.push(client);
      return client;
    },
    async sql() {
      const client = new Client({ connectionString: vaultDatabase.url });
      await client.connect();
      return client;
    },
    async stopKms() {
      await kms?.stop();
      kms = undefined;
    },
    async stop() {
      for (const client of clients) client.close();
      await vault.close();
      await kms?.stop();
      await Promise.all([vaultDatabase.drop(), kmsDatabase.drop()]);
    },
  };
}
