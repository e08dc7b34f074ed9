import path from 'node:path';
import { PreflightError } from './preflight';
import { storeBanner } from './banner';
import { startStack } from './start-stack';
import { demoStaffTotpFile } from './stack-layout';

// `npm start`: the whole store on this machine, as processes on loopback.
const root = path.resolve(__dirname, '../../../..');
const started = Date.now();
const progress = (message: string) => process.stdout.write(`[stack] ${message}\n`);

async function main() {
  const secretsDir = path.join(root, '.secrets');
  const stack = await startStack(
    {
      root,
      secretsDir,
      logDir: path.join(root, 'tmp/logs'),
      portOffset: 0,
      databasePrefix: '',
      postgresAdminUrl: process.env.STOREFRONT_POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
      redisUrl: process.env.STOREFRONT_REDIS_URL ?? 'redis://127.0.0.1:6379',
      seedDemoData: true,
      attackLab: true,
    },
    progress,
  );
  process.stdout.write(
    storeBanner({
      headline: `The store is open at ${stack.baseUrl}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      caFile: path.join(secretsDir, 'tls/ca.crt'),
      staffTotpFile: demoStaffTotpFile({ secretsDir }),
      details: [`Attack lab: ${stack.baseUrl}/#/attack-lab (sign in as security@storefront.test)`],
      closing: 'Press Ctrl-C to stop.',
    }),
  );
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    progress('stopping every service');
    await stack.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const service of stack.services) {
    service.process.once('exit', (code) => {
      // Ctrl-C reaches every process of the terminal's group at once, and a child that stops quickly (the
      // attack lab) can exit before this process has run its own handler: look again once that had its turn.
      setTimeout(() => {
        if (stopping) return;
        progress(`${service.name} exited unexpectedly (code ${code}); see ${service.logFile}. Stopping the stack.`);
        void shutdown(1);
      }, SIGNAL_GRACE_MS);
    });
  }
}

/** How long an exit waits for a Ctrl-C that reached this process too before it counts as unexpected. */
const SIGNAL_GRACE_MS = 500;

main().catch((error: unknown) => {
  const message = error instanceof PreflightError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`\n[stack] could not start the store:\n${message}\n`);
  process.exit(1);
});
