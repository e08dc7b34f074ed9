import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');

interface DatabaseEntry {
  service: string;
  schema: string;
  database: string;
  urlVariable: string;
}

export function databaseEntry(service: string): DatabaseEntry {
  const entries = JSON.parse(readFileSync(path.join(ROOT, 'prisma/databases.json'), 'utf8')) as DatabaseEntry[];
  const entry = entries.find((e) => e.service === service);
  if (!entry) throw new Error(`no database registered for ${service} in prisma/databases.json`);
  return entry;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Applies a service's committed migrations with the Prisma CLI, exactly as the launcher does. */
export async function migrate(service: string, url: string): Promise<void> {
  const entry = databaseEntry(service);
  await run(path.join(ROOT, 'node_modules/.bin/prisma'), ['migrate', 'deploy', '--config', `prisma/${entry.schema}/prisma.config.ts`], {
    cwd: ROOT,
    env: { ...process.env, [entry.urlVariable]: url },
  });
}

/** Fingerprint of a service's committed migrations: a changed or added migration means a new template. */
function migrationsFingerprint(schema: string): string {
  const dir = path.join(ROOT, 'prisma', schema, 'migrations');
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, entry)).update(readFileSync(entry));
  }
  return hash.digest('hex').slice(0, 12);
}

async function withAdmin<T>(adminUrl: string, fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated template per service and migrations version, built once (under
 * an advisory lock, so parallel test files build it once) and then cloned:
 * cloning takes milliseconds where running the Prisma CLI takes seconds.
 */
async function ensureTemplate(adminUrl: string, service: string): Promise<string> {
  const entry = databaseEntry(service);
  const template = `template_${entry.schema}_${migrationsFingerprint(entry.schema)}`;
  return withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount) return template;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrate(service, withDatabase(adminUrl, building));
      // Publish atomically: a template exists only once fully migrated.
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      return template;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
}

/** A fresh database for one test file, with the service's committed migrations applied. */
export async function createTestDatabase(adminUrl: string, service: string): Promise<TestDatabase> {
  const template = await ensureTemplate(adminUrl, service);
  const name = `test_${service.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export async function createEmptyDatabase(adminUrl: string, label: string): Promise<TestDatabase> {
  const name = `test_${label.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A key prefix unique to one test file, so parallel files never share Redis keys or BullMQ queues. */
export function uniqueRedisPrefix(label: string): string {
  return `test:${label}:${randomBytes(4).toString('hex')}`;
}
