import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabases, readDatabaseRegistry } from '../../tools/stack/src/databases';
import { demoStaffTotpFile, servicePort, SERVICES, type StackOptions } from '../../tools/stack/src/stack-layout';
import { zonesUnavailableReason } from '../../tools/zones/src/network';
import { SERVICE_GIDS, ZONES, zoneOf } from '../../tools/zones/src/zone-layout';
import { VAULT_REDIS_PORT } from '../../tools/zones/src/vault-redis';
import { startZonedStack } from '../../tools/zones/src/zoned-stack';
import type { ZoneFacts } from './support/zone-facts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running zoned store, or why the suite is skipped. */
    zoneFacts: ZoneFacts;
  }
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds its own set of zones (sfz-*, 10.232.0.0/16) and starts the store in
 * them on ports +40000 with e2ez_* databases, so it runs beside `npm start`,
 * `npm run start:zones` and the e2e stack. Without root or `ip netns` the
 * suite is skipped with the reason.
 */
export default async function setup(project: TestProject) {
  const unavailable = zonesUnavailableReason();
  if (unavailable) {
    process.stdout.write(`[zones] skipped: ${unavailable}\n`);
    project.provide('zoneFacts', { skipReason: unavailable } as ZoneFacts);
    return;
  }
  const options: StackOptions = {
    root: ROOT,
    secretsDir: path.join(ROOT, 'tmp/e2e-zones/secrets'),
    logDir: path.join(ROOT, 'tmp/e2e-zones/logs'),
    portOffset: 40_000,
    databasePrefix: 'e2ez_',
    postgresAdminUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.E2E_ZONES_REDIS_URL ?? 'redis://127.0.0.1:6379/3',
    seedDemoData: true,
    extraEnv: { LOGIN_LIMIT_PER_MINUTE: '10000', USER_WRITE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_PER_MINUTE: '10000' },
  };
  await dropDatabases(options, readDatabaseRegistry(ROOT));
  rmSync(options.logDir, { recursive: true, force: true });
  const { zones, stack, teardown } = await startZonedStack({ prefix: 'sfz', octet: 232 }, options, (message) => process.stdout.write(`[zones stack] ${message}\n`));
  const facts: ZoneFacts = {
    baseUrl: stack.baseUrl,
    tlsDir: path.join(options.secretsDir, 'tls'),
    logDir: options.logDir,
    namespaces: Object.fromEntries(ZONES.map((zone) => [zone, zones.namespace(zone)])) as ZoneFacts['namespaces'],
    serviceAddresses: Object.fromEntries(ZONES.map((zone) => [zone, zones.serviceAddress(zone)])) as ZoneFacts['serviceAddresses'],
    services: Object.fromEntries(SERVICES.map((s) => [s.name, { zone: zoneOf(s.name), port: servicePort(options, s.name), gid: SERVICE_GIDS[s.name] }])),
    publicAddress: zones.publicAddress,
    hostAddresses: { public: zones.hostPublicAddress, data: zones.hostDataAddress },
    monitorDatabaseUrl: stack.databaseUrls.get('monitor') ?? '',
    dataPorts: { postgres: Number(new URL(options.postgresAdminUrl).port || 5432), redis: Number(new URL(options.redisUrl).port || 6379), vaultPostgres: 5432, vaultRedis: VAULT_REDIS_PORT },
  };
  project.provide('zoneFacts', facts);
  // For e2e/support/staff-sign-in.ts: the security desk is read as security staff, with TOTP.
  project.provide('staffTotpFile', demoStaffTotpFile(options));
  return teardown;
}
