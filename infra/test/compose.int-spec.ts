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
    // `monitoring` carries only metrics scrapes: every service joins it, Prometheus is its only other member.
    expect(networksOf(compose.services.gateway)).toEqual(['app', 'edge', 'monitoring', 'vault-door']);
    expect(networksOf(compose.services.order)).toEqual(['app', 'monitoring', 'vault-door']);
    expect(networksOf(compose.services.monitor)).toEqual(['app', 'monitoring', 'vault-door']);
    expect(networksOf(compose.services['payment-vault'])).toEqual(['monitoring', 'vault', 'vault-door']);
    expect(networksOf(compose.services.kms)).toEqual(['monitoring', 'vault']);
    expect(networksOf(compose.services['vault-db'])).toEqual(['vault']);
    expect(networksOf(compose.services.catalog)).toEqual(['app', 'monitoring']);
    expect(networksOf(compose.services.auth)).toEqual(['app', 'monitoring']);
    expect(networksOf(compose.services.redis)).toEqual(['app']);
    expect(networksOf(compose.services['vault-redis'])).toEqual(['vault']);
    expect(networksOf(compose.services['app-db'])).toEqual(['app']);
  });

  it('attaches kms, vault-db and vault-redis to the vault network alone, which only the payment vault shares with them', () => {
    // The databases init job provisions vault-db once and exits; nothing long-running besides the vault joins them.
    expect(membersOf(compose, 'vault')).toEqual(['databases', 'kms', 'payment-vault', 'vault-db', 'vault-redis']);
    expect(networksOf(compose.services['vault-db'])).toEqual(['vault']);
    expect(networksOf(compose.services.kms).filter((n) => n !== 'monitoring')).toEqual(['vault']);
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
        const shared = networksOf(service).filter((n) => n !== 'monitoring' && networksOf(compose.services[callee]).includes(n));
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

  it('lets Prometheus scrape every service over the internal monitoring network, and nothing else', () => {
    expect(compose.networks.monitoring.internal).toBe(true);
    expect(networksOf(compose.services.prometheus)).toEqual(['monitoring']);
    expect(networksOf(compose.services.grafana)).toEqual(['monitoring', 'ops']);
    for (const name of APP_SERVICES) {
      expect(networksOf(compose.services[name]), name).toContain('monitoring');
      expect(compose.services[name].environment?.METRICS_HOST, name).toBe('0.0.0.0');
    }
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
