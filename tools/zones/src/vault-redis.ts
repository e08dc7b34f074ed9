import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inNamespace, sh, shQuiet } from './shell';
import type { ZoneSet } from './zone-layout';

/** Where the vault zone's Redis listens, on the vault zone's address. */
export const VAULT_REDIS_PORT = 6379;
const PORT = VAULT_REDIS_PORT;

const paths = (zones: ZoneSet) => {
  const dir = path.join(zones.scratchDir, 'vault-redis');
  return { dir, pid: path.join(dir, 'redis.pid'), log: path.join(dir, 'redis.log') };
};

/**
 * The vault zone's own Redis, for the vault's rewrap queue: a redis-server
 * started inside the vault namespace as the redis user, listening on the
 * vault zone's address only, with nothing saved to disk. Like the vault's
 * PostgreSQL, nothing outside the zone can reach it (the zone's firewall
 * accepts only the vault's port from its links); the vault reaches it over
 * the namespace's loopback. Start it after startVaultDatabase, which clears
 * the scratch folder.
 */
export async function startVaultRedis(zones: ZoneSet): Promise<{ url: string }> {
  stopVaultRedis(zones);
  const p = paths(zones);
  mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  chownSync(p.dir, Number(sh('id', ['-u', 'redis']).trim()), Number(sh('id', ['-g', 'redis']).trim()));
  const vault = zones.serviceAddress('vault');
  inNamespace(zones.namespace('vault'), 'runuser', [
    '-u', 'redis', '--',
    // Protected mode would answer every non-loopback client DENIED; the zone (no route in but the vault's port) protects it.
    'redis-server', '--bind', vault, '--port', String(PORT), '--protected-mode', 'no', '--save', '', '--appendonly', 'no',
    '--daemonize', 'yes', '--pidfile', p.pid, '--logfile', p.log, '--dir', p.dir,
  ]);
  let answer = '';
  for (let attempt = 0; answer !== 'PONG'; attempt += 1) {
    if (attempt === 50) throw new Error(`the vault zone's Redis did not answer PING within 5 s (last answer: ${answer || 'none'}; see ${p.log})`);
    if (attempt > 0) await sleep(100);
    try {
      answer = inNamespace(zones.namespace('vault'), 'redis-cli', ['-h', vault, '-p', String(PORT), 'ping']).trim();
    } catch (error) {
      answer = error instanceof Error ? error.message : String(error);
    }
  }
  return { url: `redis://${vault}:${PORT}` };
}

/** Stops the vault zone's Redis. Safe when it never started. */
export function stopVaultRedis(zones: ZoneSet): void {
  const { pid } = paths(zones);
  if (!existsSync(pid)) return;
  shQuiet('kill', [readFileSync(pid, 'utf8').trim()]);
}
