import { chownSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_IDENTITIES } from '@storefront/platform/mtls';
import { ensureDevSecrets } from '@storefront/platform/pki';
import { withVerifiedTls } from './database-tls';
import { migrateDatabase, provisionDatabases, readDatabaseRegistry } from './databases';
import { SERVICES, type StackOptions } from './stack-layout';

/**
 * Compose's one-shot init containers.
 *
 * `secrets`: generates every development secret once into the `secrets-all`
 * volume, then copies to each service's own volume only what that service
 * needs (its certificate and key, the CA, its own keys), so no container
 * holds another service's identity.
 *
 * It also issues the data stores' server certificates (app-db, vault-db,
 * redis, vault-redis) from the same CA, each into the store's own volume, so
 * PostgreSQL and Redis speak TLS only and every client verifies them by name.
 *
 * `databases`: creates one role and database per service on the zone's
 * PostgreSQL (app-db or vault-db) over verified TLS, applies migrations, and
 * writes each service's URL with `sslmode=verify-full` and the CA it mounts.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const ALL = '/secrets/all';

const SERVICE_FILES: Record<string, string[]> = {
  kms: ['kms/root.key'],
  'payment-vault': ['vault/fingerprint.key'],
  auth: ['auth/jwt-signing-key.pem'],
  monitor: ['monitor/audit-hmac.key'],
};

// The images run services as `node` (uid 1000); the postgres and redis images run as uid 999.
const NODE_UID = 1000;
const POSTGRES_UID = 999;
const REDIS_UID = 999;

/** Each data store's server certificate (its compose service name is its TLS name) and the uid that reads it. */
const DATA_STORES: Record<string, number> = { 'app-db': POSTGRES_UID, 'vault-db': POSTGRES_UID, redis: REDIS_UID, 'vault-redis': REDIS_UID };

/** Where every service mounts the project CA (TLS_DIR); its database URL names it as sslrootcert. */
const SERVICE_CA_FILE = '/run/secrets/storefront/tls/ca.crt';

/** Gives the file (and its folders below the volume root) to the user that reads it; nobody else can. */
function handOver(volume: string, relative: string, uid: number) {
  let current = path.join('/secrets', volume);
  chownSync(current, uid, uid);
  for (const part of relative.split('/')) {
    current = path.join(current, part);
    chownSync(current, uid, uid);
  }
}

function copyInto(volume: string, relative: string, uid = NODE_UID) {
  const target = path.join('/secrets', volume, relative);
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  cpSync(path.join(ALL, relative), target);
  handOver(volume, relative, uid);
}

function distributeSecrets() {
  const registry = readDatabaseRegistry(ROOT);
  ensureDevSecrets({
    dir: ALL,
    identities: [...SERVICE_IDENTITIES, ...Object.keys(DATA_STORES)],
    databases: [...registry.map((d) => d.database), 'postgres'],
    onCreate: (what) => console.log(`created ${what}`),
  });
  for (const service of SERVICES.map((s) => s.name)) {
    for (const file of ['tls/ca.crt', `tls/${service}.crt`, `tls/${service}.key`, ...(SERVICE_FILES[service] ?? [])]) copyInto(service, file);
  }
  // PostgreSQL refuses a key file others can read, so each store gets its own volume with its own key (mode 0600).
  for (const [store, uid] of Object.entries(DATA_STORES)) {
    for (const file of ['tls/ca.crt', `tls/${store}.crt`, `tls/${store}.key`]) copyInto(store, file, uid);
  }
  // The PostgreSQL containers read their superuser password from here.
  copyInto('db', 'db/postgres.password', POSTGRES_UID);
  console.log('secrets distributed');
}

async function provisionZone(zone: 'app' | 'vault') {
  const registry = readDatabaseRegistry(ROOT).filter((d) => (zone === 'vault') === ['payment-vault', 'kms'].includes(d.service));
  const host = zone === 'vault' ? 'vault-db' : 'app-db';
  const superuserPassword = readFileSync(path.join(ALL, 'db/postgres.password'), 'utf8').trim();
  const options: StackOptions = {
    root: ROOT,
    secretsDir: ALL,
    logDir: '/tmp',
    portOffset: 0,
    databasePrefix: '',
    // The role URLs are made from this one, so provisioning and migrations run over verified TLS too.
    postgresAdminUrl: withVerifiedTls(`postgresql://postgres:${encodeURIComponent(superuserPassword)}@${host}:5432/postgres`, path.join(ALL, 'tls/ca.crt')),
    redisUrl: '',
    seedDemoData: true,
  };
  const databases = await provisionDatabases(options, registry);
  for (const db of databases) {
    await migrateDatabase(ROOT, db);
    // Each service reads its own connection URL (with its role's password) from its volume.
    const file = path.join('/secrets', db.service, 'database-url');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, withVerifiedTls(db.url, SERVICE_CA_FILE), { mode: 0o600 });
    handOver(db.service, 'database-url', NODE_UID);
    console.log(`${db.name}: role ${db.role}, migrations applied`);
  }
}

const command = process.argv[2];
if (command === 'secrets') distributeSecrets();
else if (command === 'databases') {
  provisionZone('app')
    .then(() => provisionZone('vault'))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} else {
  console.error('usage: docker-init secrets|databases');
  process.exit(2);
}
