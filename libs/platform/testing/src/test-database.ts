import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** A fresh database for one test file, with the service's migrations applied. */
export async function createTestDatabase(adminUrl: string, service: string): Promise<TestDatabase> {
  const name = `test_${service.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await migrate(service, url);
  return {
    url,
    name,
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A key prefix unique to one test file, so parallel files never share Redis keys or BullMQ queues. */
export function uniqueRedisPrefix(label: string): string {
  return `test:${label}:${randomBytes(4).toString('hex')}`;
}
