import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withVerifiedTls } from '../../tools/stack/src/database-tls';

interface ComposeService {
  networks?: Record<string, unknown> | string[];
  ports?: Array<string | { published?: string | number; target?: number }>;
  user?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  command?: string[];
  volumes?: Array<string | { source?: string; target?: string }>;
  environment?: Record<string, string>;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
}

const ROOT = path.resolve(__dirname, '../..');

// `docker-compose config` validates the file against the Compose schema and prints it resolved (anchors merged).
function resolvedCompose(): ComposeFile {
  const output = execFileSync('docker-compose', ['-f', path.join(ROOT, 'compose.yaml'), 'config'], { encoding: 'utf8' });
  return parse(output) as ComposeFile;
}

const networksOf = (service: ComposeService) => (Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {})).sort();
/** Every service attached to `network`, sorted. */
const membersOf = (compose: ComposeFile, network: string) =>
  Object.entries(compose.services)
    .filter(([, service]) => networksOf(service).includes(network))
    .map(([name]) => name)
    .sort();
const APP_SERVICES = ['gateway', 'auth', 'catalog', 'order', 'payment-vault', 'kms', 'monitor'];

/** The zone of every long-running container (ARCHITECTURE.md); Prometheus and Grafana watch from outside all three. */
const ZONE: Record<string, string> = {
  gateway: 'edge',
  auth: 'app',
  catalog: 'app',
  order: 'app',
  monitor: 'app',
  'app-db': 'app',
  redis: 'app',
  'payment-vault': 'vault',
  kms: 'vault',
  'vault-db': 'vault',
  'vault-redis': 'vault',
  prometheus: 'watch',
  grafana: 'watch',
};
// One-shot jobs that finish before any service starts: `secrets` has no network, `databases` provisions app-db and vault-db.
const INIT_JOBS = new Set(['secrets', 'databases']);
const METRICS_NETWORKS: Record<string, string> = { 'metrics-edge': 'edge', 'metrics-app': 'app', 'metrics-vault': 'vault' };
const isMetrics = (network: string) => network in METRICS_NETWORKS;

/** `network: a ~ b` for every pair of containers of different zones attached to the same network, sorted. */
function zoneCrossings(compose: ComposeFile): string[] {
  const crossings: string[] = [];
  for (const network of Object.keys(compose.networks)) {
    const members = membersOf(compose, network).filter((name) => !INIT_JOBS.has(name));
    for (const [i, a] of members.entries()) {
      for (const b of members.slice(i + 1)) if (ZONE[a] !== ZONE[b]) crossings.push(`${network}: ${a} ~ ${b}`);
    }
  }
  return crossings.sort();
}

/** The crossings `zoneCrossings` should find: `one` meets each of `others` on `network`. */
const meets = (network: string, one: string, others: string[]) => others.map((other) => `${network}: ${[one, other].sort().join(' ~ ')}`);

describe('compose.yaml', () => {
  const compose = resolvedCompose();

  it('is valid and declares every service of the architecture', () => {
    for (const name of [...APP_SERVICES, 'app-db', 'vault-db', 'redis', 'vault-redis']) expect(compose.services[name], name).toBeDefined();
  });

  it('publishes only the gateway, on 8443, and Grafana on the host loopback only', () => {
    const published = Object.entries(compose.services).filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([name]) => name).sort()).toEqual(['gateway', 'grafana']);
    expect(JSON.stringify(compose.services.gateway.ports)).toContain('8443');
    expect(JSON.stringify(compose.services.grafana.ports)).toContain('127.0.0.1');
  });

  it('keeps the app and vault zones internal (no route to the internet)', () => {
    expect(compose.networks.app.internal).toBe(true);
    expect(compose.networks.vault.internal).toBe(true);
    expect(compose.networks['vault-door'].internal).toBe(true);
    expect(compose.networks.edge.internal).toBeFalsy();
  });

  it('places each service in the zones ARCHITECTURE.md draws', () => {
    // metrics-<zone> carries only metrics scrapes: each service joins its own zone's, Prometheus is the only other member.
    expect(networksOf(compose.services.gateway)).toEqual(['app', 'edge', 'metrics-edge', 'vault-door']);
    expect(networksOf(compose.services.order)).toEqual(['app', 'metrics-app', 'vault-door']);
    expect(networksOf(compose.services.monitor)).toEqual(['app', 'metrics-app', 'vault-door']);
    expect(networksOf(compose.services['payment-vault'])).toEqual(['metrics-vault', 'vault', 'vault-door']);
    expect(networksOf(compose.services.kms)).toEqual(['metrics-vault', 'vault']);
    expect(networksOf(compose.services['vault-db'])).toEqual(['vault']);
    expect(networksOf(compose.services.catalog)).toEqual(['app', 'metrics-app']);
    expect(networksOf(compose.services.auth)).toEqual(['app', 'metrics-app']);
    expect(networksOf(compose.services.redis)).toEqual(['app']);
    expect(networksOf(compose.services['vault-redis'])).toEqual(['vault']);
    expect(networksOf(compose.services['app-db'])).toEqual(['app']);
  });

  it('attaches kms, vault-db and vault-redis to the vault network alone, which only the payment vault shares with them', () => {
    // The databases init job provisions vault-db once and exits; nothing long-running besides the vault joins them.
    expect(membersOf(compose, 'vault')).toEqual(['databases', 'kms', 'payment-vault', 'vault-db', 'vault-redis']);
    expect(networksOf(compose.services['vault-db'])).toEqual(['vault']);
    expect(networksOf(compose.services.kms).filter((n) => !isMetrics(n))).toEqual(['vault']);
  });

  it('lets containers of different zones share a network only where the architecture says: gateway and the app zone on `app`, the vault door, Prometheus on the metrics networks', () => {
    const app = ['app-db', 'auth', 'catalog', 'monitor', 'order', 'redis'];
    expect(zoneCrossings(compose)).toEqual(
      [
        // The gateway routes to the app services and keeps its rate limits and events in the app zone's Redis.
        ...meets('app', 'gateway', app),
        // The vault door: gateway, order and monitor meet payment-vault (and, being on `app` already, each other).
        ...meets('vault-door', 'payment-vault', ['gateway', 'monitor', 'order']),
        ...meets('vault-door', 'gateway', ['monitor', 'order']),
        // Prometheus scrapes each zone over that zone's own metrics network.
        ...meets('metrics-edge', 'prometheus', ['gateway']),
        ...meets('metrics-app', 'prometheus', ['auth', 'catalog', 'monitor', 'order']),
        ...meets('metrics-vault', 'prometheus', ['kms', 'payment-vault']),
      ].sort(),
    );
  });

  it('gives each zone its own internal metrics network, and makes Prometheus the only member of more than one', () => {
    for (const [network, zone] of Object.entries(METRICS_NETWORKS)) {
      expect(compose.networks[network].internal, network).toBe(true);
      const zoneServices = APP_SERVICES.filter((name) => ZONE[name] === zone);
      expect(membersOf(compose, network), network).toEqual([...zoneServices, 'prometheus'].sort());
    }
    const onSeveral = Object.entries(compose.services).filter(([, service]) => networksOf(service).filter(isMetrics).length > 1);
    expect(onSeveral.map(([name]) => name)).toEqual(['prometheus']);
  });

  it("opens the vault's front door only to the services that must call it (gateway, order) or that it reports to (monitor)", () => {
    expect(membersOf(compose, 'vault-door')).toEqual(['gateway', 'monitor', 'order', 'payment-vault']);
  });

  it('gives nothing in the vault zone a network with a route out', () => {
    for (const name of membersOf(compose, 'vault')) {
      for (const network of networksOf(compose.services[name])) expect(compose.networks[network].internal, `${name} on ${network}`).toBe(true);
    }
  });

  it("shares a zone network (not just metrics) between each service and every service its configuration calls", () => {
    const calls: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      for (const value of Object.values(service.environment ?? {})) {
        const callee = /^(?:https|rediss?):\/\/([a-z-]+):\d+/.exec(String(value))?.[1];
        if (!callee || !compose.services[callee]) continue; // e.g. PUBLIC_ORIGIN, the browser's view of the gateway
        const shared = networksOf(service).filter((n) => !isMetrics(n) && networksOf(compose.services[callee]).includes(n));
        expect(shared, `${name} -> ${callee}`).not.toEqual([]);
        calls.push(`${name} -> ${callee}`);
      }
    }
    expect(calls).toEqual(expect.arrayContaining(['gateway -> payment-vault', 'order -> payment-vault', 'payment-vault -> kms', 'payment-vault -> monitor', 'payment-vault -> vault-redis']));
  });

  it("gives the vault its own Redis, never the app zone's", () => {
    expect(compose.services['payment-vault'].environment?.VAULT_REDIS_URL).toBe('rediss://vault-redis:6379');
    expect(compose.services['payment-vault'].environment?.REDIS_URL).toBeUndefined();
    expect(networksOf(compose.services['payment-vault'])).not.toContain('app');
  });

  it('asks every Redis connection for verified TLS, and runs both Redis servers on TLS alone', () => {
    const redisUrls = Object.entries(compose.services).flatMap(([name, service]) =>
      Object.entries(service.environment ?? {})
        .filter(([variable]) => /REDIS_URL$/.test(variable))
        .map(([variable, value]) => ({ name, variable, value: String(value) })),
    );
    expect(redisUrls.map((u) => u.name).sort()).toEqual(['auth', 'catalog', 'gateway', 'monitor', 'order', 'payment-vault']);
    for (const { name, variable, value } of redisUrls) {
      expect(value, `${name} ${variable}`).toMatch(/^rediss:\/\//);
      // The CA the servers' certificates chain to: the one each service mounts in its TLS_DIR.
      expect(compose.services[name].environment?.REDIS_CA_FILE, name).toBe(`${compose.services[name].environment?.TLS_DIR}/ca.crt`);
    }
    for (const store of ['redis', 'vault-redis']) {
      const command = compose.services[store].command ?? [];
      const option = (flag: string) => command[command.indexOf(flag) + 1];
      expect(option('--port'), `${store}: the plain port is closed`).toBe('0');
      expect(option('--tls-port'), store).toBe('6379');
      expect(option('--tls-cert-file'), store).toMatch(new RegExp(`/${store}\\.crt$`));
      expect(option('--tls-key-file'), store).toMatch(new RegExp(`/${store}\\.key$`));
    }
  });

  it('asks every database connection for verified TLS (verify-full with the CA), and runs PostgreSQL with TLS required', () => {
    // Each service reads its URL from the file the databases job writes: that job alone decides the URL's TLS settings.
    const urlFiles = Object.entries(compose.services).filter(([, s]) => Object.keys(s.environment ?? {}).some((v) => /_DATABASE_URL_FILE$/.test(v)));
    expect(urlFiles.map(([name]) => name).sort()).toEqual(['auth', 'catalog', 'kms', 'monitor', 'order', 'payment-vault']);
    for (const [name, service] of urlFiles) expect(JSON.stringify(service.volumes), name).toContain(`secrets-${name}:`);
    const databasesJob = readFileSync(path.join(ROOT, 'tools/stack/src/docker-init.ts'), 'utf8');
    expect(databasesJob).toMatch(/writeFileSync\(file, withVerifiedTls\(db\.url, SERVICE_CA_FILE\)/);
    expect(databasesJob).toMatch(/SERVICE_CA_FILE = '\/run\/secrets\/storefront\/tls\/ca\.crt'/);
    for (const name of APP_SERVICES) expect(compose.services[name].environment?.TLS_DIR, name).toBe('/run/secrets/storefront/tls');
    expect(new URL(withVerifiedTls('postgresql://auth:pw@app-db:5432/auth', '/ca.crt')).searchParams.get('sslmode')).toBe('verify-full');
    expect(new URL(withVerifiedTls('postgresql://auth:pw@app-db:5432/auth', '/ca.crt')).searchParams.get('sslrootcert')).toBe('/ca.crt');

    const hba = readFileSync(path.join(ROOT, 'infra/postgres/pg_hba.conf'), 'utf8');
    const rules = hba.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(rules.filter((r) => /^host\s/.test(r)), 'no network rule that allows plain connections').toEqual([]);
    expect(rules.filter((r) => /^hostnossl\s/.test(r)).every((r) => /reject$/.test(r))).toBe(true);
    for (const db of ['app-db', 'vault-db']) {
      const command = (compose.services[db].command ?? []).join(' ');
      expect(command, db).toContain('ssl=on');
      expect(command, db).toContain(`ssl_cert_file=/run/secrets/server/tls/${db}.crt`);
      expect(command, db).toContain('hba_file=/etc/postgresql/pg_hba.conf');
    }
  });

  it("lets Prometheus scrape every service over its zone's internal metrics network, and Grafana reach Prometheus alone", () => {
    expect(networksOf(compose.services.prometheus)).toEqual(['dashboards', 'metrics-app', 'metrics-edge', 'metrics-vault']);
    // Grafana queries Prometheus on `dashboards` (internal) and publishes its port through `ops`: no service shares either.
    expect(networksOf(compose.services.grafana)).toEqual(['dashboards', 'ops']);
    expect(membersOf(compose, 'dashboards')).toEqual(['grafana', 'prometheus']);
    expect(compose.networks.dashboards.internal).toBe(true);
    expect(membersOf(compose, 'ops')).toEqual(['grafana']);
    for (const name of APP_SERVICES) {
      expect(networksOf(compose.services[name]).filter(isMetrics), name).toEqual([`metrics-${ZONE[name]}`]);
      expect(compose.services[name].environment?.METRICS_HOST, name).toBe('0.0.0.0');
    }
    // Each scrape target is a service of the zone its label names, so it resolves on that zone's metrics network.
    const scrape = parse(readFileSync(path.join(ROOT, 'infra/prometheus/prometheus.yml'), 'utf8')) as {
      scrape_configs: Array<{ static_configs: Array<{ targets: string[]; labels: { zone: string } }> }>;
    };
    const targets = scrape.scrape_configs.flatMap((job) => job.static_configs.flatMap((group) => group.targets.map((target) => ({ target, zone: group.labels.zone }))));
    expect(targets.map(({ target }) => target.split(':')[0]).sort()).toEqual([...APP_SERVICES].sort());
    for (const { target, zone } of targets) expect(ZONE[target.split(':')[0]], target).toBe(zone);
    const images = [compose.services.prometheus, compose.services.grafana].map((s) => (s as { image?: string }).image ?? '');
    for (const image of images) expect(image, 'official image with a pinned version tag').toMatch(/^(prom\/prometheus|grafana\/grafana):v?\d+\.\d+\.\d+$/);
  });

  it('gives every service a health check and runs none of them as root', () => {
    for (const name of APP_SERVICES) {
      expect(compose.services[name].healthcheck, name).toBeDefined();
      expect(compose.services[name].user, name).toBeUndefined(); // the image's USER node applies
    }
  });

  it('mounts into each service only its own secrets volume', () => {
    for (const name of APP_SERVICES) {
      const volumes = JSON.stringify(compose.services[name].volumes ?? []);
      expect(volumes, name).toContain(`secrets-${name}`);
      expect(volumes, name).not.toContain('secrets-all');
    }
  });

  it('writes no secret value into the file', () => {
    const text = execFileSync('docker-compose', ['-f', path.join(ROOT, 'compose.yaml'), 'config'], { encoding: 'utf8' });
    expect(text).not.toMatch(/PASSWORD:|BEGIN (EC |RSA )?PRIVATE KEY|postgresql:\/\/[^@\s]+:[^@\s]+@/);
  });
});
