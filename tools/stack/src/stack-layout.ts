import path from 'node:path';

/** Everything that differs between two stacks on one machine (the dev stack and the e2e stack). */
export interface StackOptions {
  root: string;
  secretsDir: string;
  logDir: string;
  /** Added to every default port (0 for `npm start`, e.g. 10000 for the e2e stack). */
  portOffset: number;
  /** Prefixed to database and role names ('' for `npm start`). */
  databasePrefix: string;
  postgresAdminUrl: string;
  redisUrl: string;
  seedDemoData: boolean;
  /** Extra variables for every service (the bench lifts the edge rate limits with these). */
  extraEnv?: Record<string, string>;
  /** Where each service runs (tools/zones: one network namespace per zone); absent, everything is on loopback. */
  placement?: ServicePlacement;
  /** Also start the attack lab's runner (tools/attack/lab-server.mjs) and point the gateway at it (npm start, the e2e stack). */
  attackLab?: boolean;
}

/** The hook tools/zones uses to start each service inside its zone instead of on loopback. */
export interface ServicePlacement {
  /** Prepended to the service's command line, e.g. ['ip', 'netns', 'exec', 'sf-app']. */
  command: (service: string) => string[];
  /** Group id the service runs with, so the zone's firewall can tell services apart. */
  gid: (service: string) => number | undefined;
  /** Address the service listens on inside its zone. */
  listenHost: string;
  /** Host other services (and the browser, for the gateway) use to reach the service. */
  urlHost: (service: string) => string;
  /** The service's PostgreSQL or Redis URL as seen from its zone (the launcher's own URL goes in). */
  dataUrl: (service: string, url: string) => string;
  /** Extra IP addresses every certificate names (the zone addresses services are called at). */
  certificateAddresses: string[];
  /** The vault zone's own Redis as the vault sees it (default: the launcher's Redis, under the vault's key prefix). */
  vaultRedisUrl?: string;
  /** Superuser URL the launcher provisions a service's database with (default: postgresAdminUrl). */
  postgresAdminUrl: (databaseService: string) => string;
}

export interface DatabaseSpec {
  service: string;
  schema: string;
  database: string;
  urlVariable: string;
}

export interface ServiceSpec {
  name: string;
  port: number;
  /** Other services it calls; they get their URL variable. */
  calls: Array<keyof typeof URL_VARIABLES>;
  database?: string;
  usesRedis: boolean;
  /** Gets VAULT_REDIS_URL: the vault zone's own Redis (its rewrap queue), never the app zone's in compose and zones. */
  usesVaultRedis?: boolean;
  extraEnv: (options: StackOptions) => Record<string, string>;
}

export const URL_VARIABLES = {
  auth: 'AUTH_URL',
  catalog: 'CATALOG_URL',
  order: 'ORDER_URL',
  'payment-vault': 'VAULT_URL',
  kms: 'KMS_URL',
  monitor: 'MONITOR_URL',
} as const;

const secret = (options: StackOptions, ...parts: string[]) => path.join(options.secretsDir, ...parts);

/** Where the auth seed writes the demo staff's TOTP secrets (in the ignored secrets directory, never in git). */
export function demoStaffTotpFile(options: Pick<StackOptions, 'secretsDir'>): string {
  return path.join(options.secretsDir, 'auth', 'demo-staff-totp.json');
}

/** The services, in the order they start; mirrors ARCHITECTURE.md's table and compose.yaml. */
export const SERVICES: ServiceSpec[] = [
  { name: 'kms', port: 3005, calls: [], database: 'kms', usesRedis: false, extraEnv: (o) => ({ KMS_ROOT_KEY_FILE: secret(o, 'kms', 'root.key') }) },
  {
    name: 'payment-vault',
    port: 3004,
    // The monitor only for its security events (POST /events), the vault zone's one way out.
    calls: ['kms', 'monitor'],
    database: 'payment-vault',
    usesRedis: false,
    // Locally the vault shares the one Redis under its own key prefix (VAULT_REDIS_PREFIX, default `vault`).
    usesVaultRedis: true,
    extraEnv: (o) => ({ FINGERPRINT_KEY_FILE: secret(o, 'vault', 'fingerprint.key'), KMS_KEY_ALIAS: 'alias/vault-cards' }),
  },
  {
    name: 'auth',
    port: 3001,
    calls: [],
    database: 'auth',
    usesRedis: true,
    extraEnv: (o) => ({
      JWT_SIGNING_KEY_FILE: secret(o, 'auth', 'jwt-signing-key.pem'),
      PUBLIC_ORIGIN: serviceUrl(o, 'gateway'),
      ...(o.seedDemoData ? { DEMO_STAFF_TOTP_FILE: demoStaffTotpFile(o) } : {}),
    }),
  },
  { name: 'catalog', port: 3002, calls: ['auth'], database: 'catalog', usesRedis: true, extraEnv: () => ({}) },
  { name: 'order', port: 3003, calls: ['auth', 'catalog', 'payment-vault'], database: 'order', usesRedis: true, extraEnv: () => ({}) },
  { name: 'monitor', port: 3006, calls: ['auth', 'order'], database: 'monitor', usesRedis: true, extraEnv: (o) => ({ AUDIT_HMAC_KEY_FILE: secret(o, 'monitor', 'audit-hmac.key') }) },
  {
    name: 'gateway',
    port: 8443,
    calls: ['auth', 'catalog', 'order', 'payment-vault', 'monitor'],
    usesRedis: true,
    extraEnv: (o) => ({
      WEB_DIR: path.join(o.root, 'dist/web'),
      PUBLIC_ORIGIN: serviceUrl(o, 'gateway'),
      ...(o.attackLab ? { ATTACK_LAB_URL: serviceUrl(o, ATTACK_LAB.name) } : {}),
    }),
  },
];

/**
 * The attack lab's runner: the attacker's machine, not a service of the store
 * (not in SERVICES, never in compose), started beside a local stack once the
 * store is healthy. Only the gateway calls it.
 */
export const ATTACK_LAB = { name: 'attack-lab', port: 3007, script: 'tools/attack/lab-server.mjs' } as const;

/** Each service's Prometheus listener (loopback only): 9100 for the gateway, 9101–9106 for the rest. */
const METRICS_PORTS: Record<string, number> = { gateway: 9100, auth: 9101, catalog: 9102, order: 9103, 'payment-vault': 9104, kms: 9105, monitor: 9106 };

export function metricsPort(options: StackOptions, name: string): number {
  return METRICS_PORTS[name] + options.portOffset;
}

export function servicePort(options: StackOptions, name: string): number {
  const spec = [...SERVICES, ATTACK_LAB].find((s) => s.name === name);
  if (!spec) throw new Error(`unknown service ${name}`);
  return spec.port + options.portOffset;
}

export function serviceUrl(options: StackOptions, name: string): string {
  return `https://${options.placement?.urlHost(name) ?? 'localhost'}:${servicePort(options, name)}`;
}
