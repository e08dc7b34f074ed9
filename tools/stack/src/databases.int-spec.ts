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

describe('one database and one role per service', () => {
  const secretsDir = mkdtempSync(path.join(tmpdir(), 'storefront-db-'));
  const registry = readDatabaseRegistry(ROOT).filter((d) => ['order', 'payment-vault'].includes(d.service));
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

  it("lets a service's role into its own database", async () => {
    const client = new Client({ connectionString: byService('order').url });
    await client.connect();
    expect((await client.query('select current_user as role')).rows[0].role).toBe(byService('order').role);
    await client.end();
  });

  it("refuses the order service's role on the vault's database", async () => {
    const intruder = new Client({ connectionString: withDatabase(byService('order').url, byService('payment-vault').name) });
    await expect(intruder.connect()).rejects.toThrow(/permission denied for database/);
  });

  it('gives service roles no superuser, database or role creation rights', async () => {
    const client = new Client({ connectionString: byService('payment-vault').url });
    await client.connect();
    const { rows } = await client.query('select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user');
    await client.end();
    expect(rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
  });

  it('is idempotent: provisioning again keeps the databases and roles', async () => {
    const again = await provisionDatabases(options, registry);
    expect(again.map((d) => d.name)).toEqual(databases.map((d) => d.name));
  });
});
