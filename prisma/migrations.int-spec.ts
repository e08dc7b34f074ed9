import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createEmptyDatabase, migrate } from '@storefront/platform/testing';
import registry from './databases.json';

const ROOT = path.resolve(__dirname, '..');

/**
 * Every service's committed migrations apply to an empty database with the
 * offline Prisma toolchain. This also covers the pg name-type workaround
 * (prisma/orm#27403): without it, `migrate deploy` fails while introspecting.
 */
describe.each(registry.filter((entry) => existsSync(path.join(ROOT, 'prisma', entry.schema, 'migrations'))))('migrations of $service', (entry) => {
  it('apply from scratch, every committed migration recorded as finished (so nothing is pending)', async () => {
    const db = await createEmptyDatabase(inject('postgresAdminUrl'), `migrations_${entry.schema}`);
    try {
      await migrate(entry.service, db.url);
      const folders = readdirSync(path.join(ROOT, 'prisma', entry.schema, 'migrations'), { withFileTypes: true }).filter((d) => d.isDirectory());
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const applied = await client.query('select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null');
      await client.end();
      expect(applied.rows.map((r) => r.migration_name).sort()).toEqual(folders.map((f) => f.name).sort());
    } finally {
      await db.drop();
    }
  });
});
