import { rmSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { dropDatabases, readDatabaseRegistry } from '../../tools/stack/src/databases';
import { startStack, type RunningStack } from '../../tools/stack/src/start-stack';
import { demoStaffTotpFile, type StackOptions } from '../../tools/stack/src/stack-layout';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    tlsDir: string;
    /** Where the stack's services write their logs ('' when testing a store started elsewhere). */
    logDir: string;
    /** The vault's database, to prove what is (not) stored there ('' when testing a store started elsewhere). */
    vaultDatabaseUrl: string;
    /** Every database of the stack by service, each with that service's own role ({} when testing a store started elsewhere). */
    databaseUrls: Record<string, string>;
    /** The stack's Redis database, every key of which belongs to it ('' when testing a store started elsewhere). */
    redisUrl: string;
    /** Prometheus endpoints by service ({} when testing a store started elsewhere). */
    metricsUrls: Record<string, string>;
    /** The demo staff's TOTP secrets ({ email: base32 }) the auth seed wrote, for e2e/support/staff-sign-in.ts. */
    staffTotpFile: string;
  }
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts the whole store for the e2e suite, exactly as `npm start` does but
 * on other ports (+10000) and in e2e_* databases dropped first, so a dev
 * stack can keep running beside it. STOREFRONT_URL points the suite at an
 * already running store instead.
 */
export default async function setup(project: TestProject) {
  if (process.env.STOREFRONT_URL) {
    project.provide('baseUrl', process.env.STOREFRONT_URL);
    project.provide('tlsDir', process.env.STOREFRONT_TLS_DIR ?? path.join(ROOT, '.secrets/tls'));
    project.provide('logDir', '');
    project.provide('vaultDatabaseUrl', '');
    project.provide('databaseUrls', {});
    project.provide('redisUrl', '');
    project.provide('metricsUrls', {});
    project.provide('staffTotpFile', process.env.STOREFRONT_STAFF_TOTP_FILE ?? demoStaffTotpFile({ secretsDir: path.join(ROOT, '.secrets') }));
    return;
  }
  const options: StackOptions = {
    root: ROOT,
    secretsDir: path.join(ROOT, 'tmp/e2e/secrets'),
    logDir: path.join(ROOT, 'tmp/e2e/logs'),
    portOffset: 10_000,
    databasePrefix: 'e2e_',
    postgresAdminUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/1',
    seedDemoData: true,
    // The attack lab's runner beside the store, so the lab's specs (API and browser) can launch a scenario.
    attackLab: true,
    // Every e2e shopper signs up and pays from 127.0.0.1: lift the per-IP sign-in, payment and write tiers, which the
    // gateway's own integration tests cover. The catalog scraping tier stays as configured.
    extraEnv: { LOGIN_LIMIT_PER_MINUTE: '10000', USER_WRITE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_PER_MINUTE: '10000', PAYMENT_LIMIT_PER_MINUTE: '10000' },
  };
  await dropDatabases(options, readDatabaseRegistry(ROOT));
  await forgetEdgeState(options.redisUrl);
  rmSync(options.logDir, { recursive: true, force: true });
  const stack: RunningStack = await startStack(options, (message) => process.stdout.write(`[e2e stack] ${message}\n`));
  project.provide('baseUrl', stack.baseUrl);
  project.provide('tlsDir', path.join(options.secretsDir, 'tls'));
  project.provide('logDir', options.logDir);
  project.provide('vaultDatabaseUrl', stack.databaseUrls.get('payment-vault') ?? '');
  project.provide('databaseUrls', Object.fromEntries(stack.databaseUrls));
  project.provide('redisUrl', options.redisUrl);
  project.provide('metricsUrls', stack.metricsUrls);
  project.provide('staffTotpFile', demoStaffTotpFile(options));
  return () => stack.stop();
}

/**
 * The e2e store has its own Redis database; empty it so blocks earned by an
 * earlier run (they outlive restarts, by design) do not refuse this run.
 */
async function forgetEdgeState(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}
