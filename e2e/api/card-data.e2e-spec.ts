import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { StorefrontClient } from '../support/storefront-client';
import { checkout, inStockProduct, newShopper, tokenize } from '../support/shopper';

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
afterAll(() => api.close());

const PAN = '4242424242424242';
// Any spelling of the number: grouped by spaces or dashes, or bare.
const PAN_PATTERN = /4242[ -]?4242[ -]?4242[ -]?4242/;

describe('a card number never rests in clear', () => {
  it('after a purchase, no log line of any service and no vault row contains the number', async () => {
    const shopper = await newShopper(api);
    const product = await inStockProduct(api, 2, 5);
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
    const card = await tokenize(api, shopper.token, '4242-4242-4242-4242');
    expect((await checkout(api, shopper.token, card.body.cardToken)).status).toBe(201);

    const logDir = inject('logDir');
    if (logDir) {
      const logs = readdirSync(logDir).filter((f) => f.endsWith('.log'));
      expect(logs.length).toBeGreaterThanOrEqual(7);
      for (const file of logs) expect(readFileSync(path.join(logDir, file), 'utf8'), file).not.toMatch(PAN_PATTERN);
    }

    const vaultUrl = inject('vaultDatabaseUrl');
    if (vaultUrl) {
      const db = new Client({ connectionString: vaultUrl });
      await db.connect();
      try {
        const tables = await db.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
        for (const { table_name } of tables.rows) {
          const dump = await db.query(`select t::text as row from "${table_name}" t`);
          const text = dump.rows.map((r) => r.row as string).join('\n');
          expect(text, table_name).not.toContain(PAN);
          expect(text, table_name).not.toMatch(PAN_PATTERN);
        }
        const stored = await db.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name not like '\\_prisma%'`);
        expect(stored.rows[0].n).toBeGreaterThan(0);
      } finally {
        await db.end();
      }
    }
  });
});
