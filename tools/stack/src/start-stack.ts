import path from 'node:path';
import { SERVICE_IDENTITIES, TOOL_IDENTITIES } from '@storefront/platform/mtls';
import { ensureDevSecrets } from '@storefront/platform/pki';
import { startAttackLab } from './attack-lab';
import { migrateDatabase, provisionDatabases, readDatabaseRegistry } from './databases';
import { preflight } from './preflight';
import { type RunningService, startService, stopServices, waitUntilHealthy } from './processes';
import { ATTACK_LAB, metricsPort, SERVICES, serviceUrl, servicePort, type StackOptions, URL_VARIABLES } from './stack-layout';

export interface RunningStack {
  baseUrl: string;
  /** http://127.0.0.1:<port>/metrics of each service, by name. */
  metricsUrls: Record<string, string>;
  services: RunningService[];
  /** Connection URLs by service, each with that service's own role. */
  databaseUrls: Map<string, string>;
  stop: () => Promise<void>;
}

export type Progress = (message: string) => void;

/**
 * How often a running stack renews certificates past half their (one-week)
 * life. Services re-read theirs from disk every minute (TLS_RELOAD_INTERVAL_MS),
 * so a stack left running never reaches an expired certificate.
 */
const CERTIFICATE_RENEWAL_CHECK_MS = 60 * 60_000;

export function serviceEnv(options: StackOptions, spec: (typeof SERVICES)[number], databaseUrls: Map<string, { variable: string; url: string }>) {
  const env: Record<string, string> = {
    PORT: String(servicePort(options, spec.name)),
    METRICS_PORT: String(metricsPort(options, spec.name)),
    HOST: options.placement?.listenHost ?? '127.0.0.1',
    TLS_DIR: path.join(options.secretsDir, 'tls'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    SEED_DEMO_DATA: String(options.seedDemoData),
    ...spec.extraEnv(options),
    ...options.extraEnv,
  };
  for (const callee of spec.calls) env[URL_VARIABLES[callee]] = serviceUrl(options, callee);
  const dataUrl = (url: string) => options.placement?.dataUrl(spec.name, url) ?? url;
  if (spec.usesRedis) env.REDIS_URL = dataUrl(options.redisUrl);
  if (spec.usesVaultRedis) env.VAULT_REDIS_URL = options.placement?.vaultRedisUrl ?? options.redisUrl;
  if (spec.database) {
    const db = databaseUrls.get(spec.database);
    if (!db) throw new Error(`no database provisioned for ${spec.name}`);
    env[db.variable] = dataUrl(db.url);
  }
  return env;
}

/**
 * Brings the whole store up on loopback: checks prerequisites, creates
 * secrets, databases and roles, applies migrations, starts every service
 * and waits until each answers its health check.
 */
export async function startStack(options: StackOptions, progress: Progress): Promise<RunningStack> {
  progress('checking PostgreSQL, Redis and ports');
  await preflight({
    postgresAdminUrl: options.postgresAdminUrl,
    redisUrl: options.redisUrl,
    ports: [
      ...SERVICES.flatMap((s) => [
        { name: s.name, port: servicePort(options, s.name) },
        { name: `${s.name} metrics`, port: metricsPort(options, s.name) },
      ]),
      ...(options.attackLab ? [{ name: ATTACK_LAB.name, port: servicePort(options, ATTACK_LAB.name) }] : []),
    ],
  });

  progress(`development secrets in ${path.relative(options.root, options.secretsDir) || options.secretsDir}`);
  const registry = readDatabaseRegistry(options.root);
  const ensureSecrets = () =>
    ensureDevSecrets({
      dir: options.secretsDir,
      identities: [...SERVICE_IDENTITIES, ...TOOL_IDENTITIES],
      databases: registry.map((d) => d.database),
      ipAddresses: options.placement?.certificateAddresses,
      onCreate: (what) => progress(`  created ${what}`),
    });
  ensureSecrets();

  const wanted = registry.filter((d) => SERVICES.some((s) => s.database === d.service));
  progress(`databases and roles: ${wanted.map((d) => options.databasePrefix + d.database).join(', ')}`);
  // A placement may keep some databases on their own server (the vault zone's); provision each on its server.
  const adminUrl = (service: string) => options.placement?.postgresAdminUrl(service) ?? options.postgresAdminUrl;
  const servers = [...new Set(wanted.map((d) => adminUrl(d.service)))];
  const databases = (
    await Promise.all(servers.map((url) => provisionDatabases({ ...options, postgresAdminUrl: url }, wanted.filter((d) => adminUrl(d.service) === url))))
  ).flat();
  progress('applying migrations');
  await Promise.all(databases.map((db) => migrateDatabase(options.root, db).then(() => progress(`  ${db.name} up to date`))));
  const databaseUrls = new Map(databases.map((db) => [db.service, { variable: db.urlVariable, url: db.url }]));

  const running: RunningService[] = [];
  const renewal = setInterval(() => {
    try {
      ensureSecrets();
    } catch (error) {
      progress(`certificate renewal failed (retried in an hour): ${(error as Error).message}`);
    }
  }, CERTIFICATE_RENEWAL_CHECK_MS);
  renewal.unref();
  const stop = () => {
    clearInterval(renewal);
    return stopServices(running);
  };
  try {
    for (const spec of SERVICES) running.push(startService(options, spec.name, serviceEnv(options, spec, databaseUrls)));
    progress(`starting ${SERVICES.length} services (logs in ${path.relative(options.root, options.logDir)}/)`);
    await Promise.all(
      running.map((service) =>
        waitUntilHealthy(options, service).then(() =>
          progress(`  ${service.name} healthy on :${servicePort(options, service.name)}`),
        ),
      ),
    );
    if (options.attackLab) {
      // After the store: the lab attacks it, and is no part of it (the gateway answers 503 for the lab until it is up).
      const lab = startAttackLab(options, databases.find((db) => db.service === 'payment-vault')?.url);
      running.push(lab);
      await waitUntilHealthy(options, lab);
      progress(`  attack lab (the attacker's machine) on :${servicePort(options, ATTACK_LAB.name)}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl: serviceUrl(options, 'gateway'),
    metricsUrls: Object.fromEntries(SERVICES.map((s) => [s.name, `http://127.0.0.1:${metricsPort(options, s.name)}/metrics`])),
    services: running,
    stop,
    databaseUrls: new Map(databases.map((db) => [db.service, db.url])),
  };
}
