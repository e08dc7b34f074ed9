import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { DatabaseSpec, StackOptions } from './stack-layout';

const run = promisify(execFile);

export function readDatabaseRegistry(root: string): DatabaseSpec[] {
  return JSON.parse(readFileSync(path.join(root, 'prisma/databases.json'), 'utf8')) as DatabaseSpec[];
}

export interface ProvisionedDatabase extends DatabaseSpec {
  name: string;
  role: string;
  url: string;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * One database and one login role per service. The role owns its database
 * and PUBLIC loses CONNECT, so a service's credentials open nothing else
 * (least privilege down to database roles).
 */
async function ensureDatabase(admin: Client, options: StackOptions, spec: DatabaseSpec): Promise<ProvisionedDatabase> {
  const name = `${options.databasePrefix}${spec.database}`;
  const role = `${name}_service`;
  const password = readFileSync(path.join(options.secretsDir, 'db', `${spec.database}.password`), 'utf8').trim();
  const roleExists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = roleExists.rowCount ? 'ALTER' : 'CREATE';
  await admin.query(`${verb} ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(password)}`);
  const dbExists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!dbExists.rowCount) await admin.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(role)}`);
  await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
  const url = new URL(options.postgresAdminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${name}`;
  return { ...spec, name, role, url: url.toString() };
}

/** Drops the databases and roles of a stack (used to give the e2e stack a clean slate). */
export async function dropDatabases(options: StackOptions, specs: DatabaseSpec[]): Promise<void> {
  const admin = new Client({ connectionString: options.postgresAdminUrl });
  await admin.connect();
  try {
    for (const spec of specs) {
      const name = `${options.databasePrefix}${spec.database}`;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(`${name}_service`)}`);
    }
  } finally {
    await admin.end();
  }
}

export async function provisionDatabases(options: StackOptions, specs: DatabaseSpec[]): Promise<ProvisionedDatabase[]> {
  const admin = new Client({ connectionString: options.postgresAdminUrl });
  await admin.connect();
  try {
    const provisioned: ProvisionedDatabase[] = [];
    for (const spec of specs) provisioned.push(await ensureDatabase(admin, options, spec));
    return provisioned;
  } finally {
    await admin.end();
  }
}

/** Applies committed migrations with the Prisma CLI, as the service's own role. */
export async function migrateDatabase(root: string, db: ProvisionedDatabase): Promise<void> {
  const config = `prisma/${db.schema}/prisma.config.ts`;
  if (!existsSync(path.join(root, config))) throw new Error(`missing ${config}`);
  try {
    await run(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy', '--config', config], {
      cwd: root,
      env: { ...process.env, [db.urlVariable]: db.url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  } catch (error) {
    const output = (error as { stdout?: string; stderr?: string }).stderr || (error as Error).message;
    throw new Error(`migrations for ${db.service} failed:\n${output}`);
  }
}
