import type { Zone } from '../../../tools/zones/src/zone-layout';

/** What the zones suite knows about the store its global setup started (serialisable: it crosses into the test workers). */
export interface ZoneFacts {
  /** Set when zones cannot be built here (not root, no `ip netns`): every test is skipped with it. */
  skipReason?: string;
  baseUrl: string;
  tlsDir: string;
  logDir: string;
  namespaces: Record<Zone, string>;
  serviceAddresses: Record<Zone, string>;
  services: Record<string, { zone: Zone; port: number; gid: number }>;
  publicAddress: string;
  /** The host's ends of the public link and of the app zone's data link. */
  hostAddresses: { public: string; data: string };
  /** The monitor's database (host PostgreSQL, the launcher's view), to find the security events it received. */
  monitorDatabaseUrl: string;
  dataPorts: { postgres: number; redis: number; vaultPostgres: number; vaultRedis: number };
}
