import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDevSecrets } from '@storefront/platform/pki';
import { dropDatabases, provisionDatabases, readDatabaseRegistry, type ProvisionedDatabase } from './databases';
import type { StackOptions } from './stack-layout';

const ROOT = path.resolve(__dirname, '../../..');

// Every service's database, with the roles the stack creates for them (the same provisionDatabases `npm start` runs).
const REGISTRY = readDatabaseRegistry(ROOT);
const OTHERS = REGISTRY.flatMap((own) => REGISTRY.filter((other) => other.service !== own.service).map((other) => [own.service, other.service] as const));

describe('one database and one role per service', () => {
  const secretsDir = mkdtempSync(path.join(tmpdir(), 'storefront-db-'));
  const registry = REGISTRY;
  const options: StackOptions = {
    root: ROOT,
    secretsDir,
    logDir: secretsDir,
    portOffset: 0,
    databasePrefix: `t${randomBytes(3).toString('hex')}_`,
    postgresAdminUrl: inject('postgresAdminUrl'),
    redisUrl: inject('redisUrl'),
    seedDemoData: false,
  };
  let databases: ProvisionedDatabase[];

  beforeAll(async () => {
    ensureDevSecrets({ dir: secretsDir, identities: [], databases: registry.map((d) => d.database) });
    databases = await provisionDatabases(options, registry);
  });
  afterAll(() => dropDatabases(options, registry));

  const byService = (service: string) => databases.find((d) => d.service === service)!;
  const withDatabase = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();

  const connectAs = async (service: string, database: string): Promise<Client> => {
    const client = new Client({ connectionString: withDatabase(byService(service).url, database) });
    await client.connect();
    return client;
  };

  it('covers every service in prisma/databases.json', () => {
    expect(databases.map((d) => d.service).sort()).toEqual(['auth', 'catalog', 'kms', 'monitor', 'order', 'payment-vault']);
  });

  it.each(REGISTRY.map((d) => d.service))("lets the %s service's role into its own database, as itself", async (service) => {
    const client = await connectAs(service, byService(service).name);
    expect((await client.query('select current_user as role, current_database() as db')).rows[0]).toEqual({ role: byService(service).role, db: byService(service).name });
    await client.end();
  });

  it("refuses the catalog service's role on the vault's database (the issue's example)", async () => {
    await expect(connectAs('catalog', byService('payment-vault').name)).rejects.toThrow(/permission denied for database/);
  });

  it.each(OTHERS)("refuses the %s service's role on the %s service's database", async (service, other) => {
    await expect(connectAs(service, byService(other).name)).rejects.toThrow(/permission denied for database/);
  });

  it.each(REGISTRY.map((d) => d.service))('gives the %s role no superuser, database or role creation rights, and no membership in another role', async (service) => {
    const client = await connectAs(service, byService(service).name);
    const { rows } = await client.query('select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls from pg_roles where rolname = current_user');
    const memberships = await client.query('select count(*)::int as n from pg_auth_members m join pg_roles r on r.oid = m.member where r.rolname = current_user');
    await client.end();
    expect(rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(memberships.rows[0].n).toBe(0);
  });

  it('is idempotent: provisioning again keeps the databases and roles', async () => {
    const again = await provisionDatabases(options, registry);
    expect(again.map((d) => d.name)).toEqual(databases.map((d) => d.name));
  });
});
