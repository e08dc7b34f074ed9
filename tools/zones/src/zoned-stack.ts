import { type Progress, type RunningStack, startStack } from '../../stack/src/start-stack';
import type { ServicePlacement, StackOptions } from '../../stack/src/stack-layout';
import { type Proxy, startProxy } from './data-proxy';
import { createZones, destroyZones } from './network';
import { startVaultDatabase, stopVaultDatabase, vaultZoneDatabaseUrl } from './vault-database';
import { startVaultRedis, stopVaultRedis } from './vault-redis';
import { SERVICE_GIDS, zoneOf, ZoneSet, type ZoneSetOptions } from './zone-layout';

export interface ZonedStack {
  zones: ZoneSet;
  stack: RunningStack;
  /** Stops every service, the proxies and the vault's database, and removes the zones. Idempotent. */
  teardown: () => Promise<void>;
}

const portOf = (url: string, fallback: number) => Number(new URL(url).port || fallback);

/** How the stack launcher places each service in its zone (the hook tools/stack offers). */
function placement(zones: ZoneSet, adminUrls: { host: string; vault: string }, vaultRedisUrl: string): ServicePlacement {
  return {
    command: (service) => ['ip', 'netns', 'exec', zones.namespace(zoneOf(service))],
    gid: (service) => SERVICE_GIDS[service],
    // Inside its namespace; the zone's firewall decides who may connect.
    listenHost: '0.0.0.0',
    urlHost: (service) => zones.serviceAddress(zoneOf(service)),
    dataUrl: (service, url) => {
      const zone = zoneOf(service);
      if (zone === 'vault') return vaultZoneDatabaseUrl(zones, url);
      const parsed = new URL(url);
      parsed.hostname = zone === 'edge' ? zones.hostPublicAddress : zones.hostDataAddress;
      return parsed.toString();
    },
    vaultRedisUrl,
    postgresAdminUrl: (databaseService) => (zoneOf(databaseService) === 'vault' ? adminUrls.vault : adminUrls.host),
    certificateAddresses: zones.certificateAddresses,
  };
}

/**
 * The whole store with real network isolation: builds the zones, the vault
 * zone's database and Redis and the relays to the host's PostgreSQL and Redis, then
 * starts every service inside its zone. On any failure, everything built so
 * far is removed again.
 */
export async function startZonedStack(zoneOptions: ZoneSetOptions, options: Omit<StackOptions, 'placement'>, progress: Progress): Promise<ZonedStack> {
  const zones = new ZoneSet(zoneOptions);
  const data = { postgres: portOf(options.postgresAdminUrl, 5432), redis: portOf(options.redisUrl, 6379) };
  const proxies: Proxy[] = [];
  let stack: RunningStack | undefined;
  let tornDown = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    await stack?.stop();
    await Promise.all(proxies.map((p) => p.close()));
    stopVaultRedis(zones);
    stopVaultDatabase(zones);
    destroyZones(zones);
  };
  try {
    progress(`zones ${zones.namespace('edge')}, ${zones.namespace('app')}, ${zones.namespace('vault')} (10.${zoneOptions.octet}.0.0/16)`);
    createZones(zones, options, data);
    progress('  vault zone database (its own PostgreSQL, inside the vault zone)');
    const vault = startVaultDatabase(zones);
    progress('  vault zone Redis (its own, for the rewrap queue, inside the vault zone)');
    const vaultRedis = await startVaultRedis(zones);
    const loopback = (port: number) => ({ host: '127.0.0.1', port });
    proxies.push(
      await startProxy({ host: zones.hostDataAddress, port: data.postgres }, loopback(data.postgres)),
      await startProxy({ host: zones.hostDataAddress, port: data.redis }, loopback(data.redis)),
      await startProxy({ host: zones.hostPublicAddress, port: data.redis }, loopback(data.redis)),
    );
    stack = await startStack({ ...options, placement: placement(zones, { host: options.postgresAdminUrl, vault: vault.adminUrl }, vaultRedis.url) }, progress);
    return { zones, stack, teardown };
  } catch (error) {
    await teardown();
    throw error;
  }
}
