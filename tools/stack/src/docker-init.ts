import { chownSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_IDENTITIES } from '@storefront/platform/mtls';
import { ensureDevSecrets } from '@storefront/platform/pki';
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
 * `databases`: creates one role and database per service on the zone's
 * PostgreSQL (app-db or vault-db) and applies migrations.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const ALL = '/secrets/all';

const SERVICE_FILES: Record<string, string[]> = {
  kms: ['kms/root.key'],
  'payment-vault': ['vault/fingerprint.key'],
  auth: ['auth/jwt-signing-key.pem'],
  monitor: ['monitor/audit-hmac.key'],
};

// The images run services as `node` (uid 1000); the postgres image runs as uid 999.
const NODE_UID = 1000;
const POSTGRES_UID = 999;

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
  ensureDevSecrets({ dir: ALL, identities: SERVICE_IDENTITIES, databases: [...registry.map((d) => d.database), 'postgres'], onCreate: (what) => console.log(`created ${what}`) });
  for (const service of SERVICES.map((s) => s.name)) {
    for (const file of ['tls/ca.crt', `tls/${service}.crt`, `tls/${service}.key`, ...(SERVICE_FILES[service] ?? [])]) copyInto(service, file);
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
    postgresAdminUrl: `postgresql://postgres:${encodeURIComponent(superuserPassword)}@${host}:5432/postgres`,
    redisUrl: '',
    seedDemoData: true,
  };
  const databases = await provisionDatabases(options, registry);
  for (const db of databases) {
    await migrateDatabase(ROOT, db);
    // Each service reads its own connection URL (with its role's password) from its volume.
    const file = path.join('/secrets', db.service, 'database-url');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, db.url, { mode: 0o600 });
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
