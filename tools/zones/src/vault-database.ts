import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inNamespace, sh, shQuiet } from './shell';
import type { ZoneSet } from './zone-layout';

const PORT = 5432;

/** A PostgreSQL server program (initdb, pg_ctl) of the newest version installed. */
export function postgresBin(tool: string): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return `/usr/lib/postgresql/${versions[0]}/bin/${tool}`;
}

const paths = (zones: ZoneSet) => ({
  data: path.join(zones.scratchDir, 'vault-db'),
  socket: path.join(zones.scratchDir, 'vault-db-socket'),
  log: path.join(zones.scratchDir, 'vault-db.log'),
});

/**
 * The vault zone's own PostgreSQL, for the vault and KMS databases: a fresh
 * cluster whose postmaster runs inside the vault namespace and listens on the
 * vault zone's address only, so nothing outside the zone can even reach it
 * over the network. The launcher provisions and migrates it through the Unix
 * socket (a file, in a folder only root and postgres can open): the
 * operator's door, like `docker exec`.
 */
export function startVaultDatabase(zones: ZoneSet): { adminUrl: string } {
  stopVaultDatabase(zones);
  const p = paths(zones);
  mkdirSync(zones.scratchDir, { recursive: true, mode: 0o755 });
  const postgres = sh('id', ['-u', 'postgres']).trim();
  for (const dir of [p.data, p.socket]) {
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, Number(postgres), Number(sh('id', ['-g', 'postgres']).trim()));
  }
  writeFileSync(p.log, '');
  chownSync(p.log, Number(postgres), Number(sh('id', ['-g', 'postgres']).trim()));
  const asPostgres = (args: string[]) => ['-u', 'postgres', '--', ...args];
  sh('runuser', asPostgres([postgresBin('initdb'), '-D', p.data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']));
  const vault = zones.serviceAddress('vault');
  // Only connections from the vault zone's own address, with a password; everything else is turned away.
  writeFileSync(path.join(p.data, 'pg_hba.conf'), ['local all all trust', `host all all ${vault}/32 scram-sha-256`, 'host all all 0.0.0.0/0 reject', ''].join('\n'));
  const settings = `-c listen_addresses=${vault} -c port=${PORT} -c unix_socket_directories=${p.socket} -c fsync=off`;
  inNamespace(zones.namespace('vault'), 'runuser', asPostgres([postgresBin('pg_ctl'), '-D', p.data, '-l', p.log, '-o', settings, '-w', 'start']));
  return { adminUrl: `postgresql://postgres@localhost:${PORT}/postgres?host=${encodeURIComponent(p.socket)}` };
}

/** Stops the vault zone's PostgreSQL and deletes its files. Safe when it never started. */
export function stopVaultDatabase(zones: ZoneSet): void {
  const p = paths(zones);
  if (existsSync(path.join(p.data, 'postmaster.pid'))) shQuiet('runuser', ['-u', 'postgres', '--', postgresBin('pg_ctl'), '-D', p.data, '-m', 'immediate', '-w', 'stop']);
  rmSync(zones.scratchDir, { recursive: true, force: true });
}

/** A role's URL from the launcher's socket form to the TCP form a vault-zone service uses. */
export function vaultZoneDatabaseUrl(zones: ZoneSet, socketUrl: string): string {
  const url = new URL(socketUrl);
  url.searchParams.delete('host');
  url.hostname = zones.serviceAddress('vault');
  url.port = String(PORT);
  return url.toString();
}
