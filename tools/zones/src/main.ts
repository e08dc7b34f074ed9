import path from 'node:path';
import { dropDatabases, readDatabaseRegistry } from '../../stack/src/databases';
import { storeBanner } from '../../stack/src/banner';
import { PreflightError } from '../../stack/src/preflight';
import { demoStaffTotpFile, type StackOptions } from '../../stack/src/stack-layout';
import { zonesUnavailableReason } from './network';
import { startZonedStack, type ZonedStack } from './zoned-stack';

// `npm run start:zones`: the whole store with each service inside its network zone (needs root).
const root = path.resolve(__dirname, '../../../..');
const progress = (message: string) => process.stdout.write(`[zones] ${message}\n`);

/** Ports +30000 and zones_* databases, so this runs beside `npm start` and the e2e stack. */
const options: Omit<StackOptions, 'placement'> = {
  root,
  secretsDir: path.join(root, 'tmp/zones/secrets'),
  logDir: path.join(root, 'tmp/zones/logs'),
  portOffset: 30_000,
  databasePrefix: 'zones_',
  postgresAdminUrl: process.env.STOREFRONT_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.STOREFRONT_ZONES_REDIS_URL ?? 'redis://127.0.0.1:6379/2',
  seedDemoData: true,
};

async function main() {
  const unavailable = zonesUnavailableReason();
  if (unavailable) throw new PreflightError(`Cannot build network zones here: ${unavailable}. Run as root on Linux, or use \`npm start\`.`);
  const started: { zoned?: ZonedStack } = {};
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    progress('stopping every service and removing the zones');
    await started.zoned?.teardown();
    process.exit(exitCode);
  };
  // Installed before anything is built, so Ctrl-C during start-up also cleans up.
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  await dropDatabases(options, readDatabaseRegistry(root).filter((d) => d.service !== 'payment-vault' && d.service !== 'kms'));
  started.zoned = await startZonedStack({ prefix: 'sf', octet: 231 }, options, progress);
  const { zones, stack } = started.zoned;
  process.stdout.write(
    storeBanner({
      headline: `The store is open at ${stack.baseUrl}  (the edge zone's public address; nothing else is reachable from this host)`,
      caFile: path.join(options.secretsDir, 'tls/ca.crt'),
      staffTotpFile: demoStaffTotpFile(options),
      details: [
        `Zones: ${zones.namespace('edge')} (gateway), ${zones.namespace('app')} (auth, catalog, order, monitor), ${zones.namespace('vault')} (payment-vault, kms, vault database).`,
        `Look inside: ip netns exec ${zones.namespace('vault')} ss -ltn   ·   ip netns exec ${zones.namespace('app')} iptables -S`,
      ],
      closing: 'Press Ctrl-C to stop and remove the zones.',
    }),
  );
  for (const service of stack.services) {
    service.process.once('exit', (code) => {
      if (stopping) return;
      progress(`${service.name} exited unexpectedly (code ${code}); see ${service.logFile}. Stopping.`);
      void shutdown(1);
    });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof PreflightError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`\n[zones] could not start the store in zones:\n${message}\n`);
  process.exit(1);
});
