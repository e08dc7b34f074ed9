import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { AES_KEY_BYTES, GCM_IV_BYTES, GCM_TAG_BYTES, openAesGcm, readBase64KeyFile, sealAesGcm, type SealedBytes } from '@storefront/vault/crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkout, inStockProduct, newShopper, tokenize } from '../support/shopper';
import { copyDatabase, dropDatabase } from '../support/stack-dumps';
import { StorefrontClient } from '../support/storefront-client';

/**
 * Issue 5, point 6, second half: a copy of the vault's database, taken with
 * pg_dump and restored elsewhere, decrypts to nothing without the KMS. Each
 * card's number is AES-256-GCM ciphertext under its own data key, and that
 * key is stored only as a KMS ciphertext blob sealed by the master key,
 * which exists only inside the KMS. Everything else the vault's host holds
 * (its fingerprint key, its database password) is tried too, and fails.
 * The live vault, which can ask the KMS, still charges the same card.
 */

const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), '127.0.0.62');
afterAll(() => api.close());

const vaultUrl = inject('vaultDatabaseUrl');
const secretsDir = path.dirname(inject('tlsDir'));
const CARD = '5555555555554444';

// The KMS ciphertext blob layout (apps/kms data-keys): version byte, 16-byte key id, 4-byte key version, IV, tag, ciphertext;
// the 21-byte header is the AAD.
const BLOB_HEADER_BYTES = 21;

interface StolenRow {
  token: string;
  pan_ciphertext: Buffer;
  pan_iv: Buffer;
  pan_tag: Buffer;
  wrapped_data_key: Buffer;
  kms_key_id: string;
  fingerprint: string;
}

function superuser(url: string): string {
  const admin = new URL(url);
  admin.username = 'postgres';
  admin.password = '';
  admin.pathname = '/postgres';
  return admin.toString();
}

/** Every key the copy or the vault's own host offers, without the KMS. */
function offlineKeyGuesses(row: StolenRow): Array<[string, Buffer]> {
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest();
  const fingerprintKey = readBase64KeyFile(path.join(secretsDir, 'vault/fingerprint.key'), AES_KEY_BYTES);
  if (!('key' in fingerprintKey)) throw new Error('the e2e stack has no vault fingerprint key');
  const guesses: Array<[string, Buffer]> = [
    ['the vault fingerprint key', fingerprintKey.key],
    ['SHA-256 of the vault database password', sha256(readFileSync(path.join(secretsDir, 'db/vault.password'), 'utf8').trim())],
    ['SHA-256 of the wrapped data key', sha256(row.wrapped_data_key)],
    ['SHA-256 of the card fingerprint', sha256(row.fingerprint)],
    ['SHA-256 of the token', sha256(row.token)],
  ];
  for (let at = 0; at + AES_KEY_BYTES <= row.wrapped_data_key.length; at += 1) {
    guesses.push([`bytes ${at}..${at + AES_KEY_BYTES} of the wrapped data key`, row.wrapped_data_key.subarray(at, at + AES_KEY_BYTES)]);
  }
  return guesses;
}

function opens(key: Buffer, sealed: SealedBytes, aad: Buffer): boolean {
  try {
    openAesGcm(Buffer.from(key), sealed, aad);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!vaultUrl)("a copy of the vault's database", () => {
  it('decrypts to nothing without the KMS, while the live vault still charges the card', async () => {
    const shopper = await newShopper(api);
    const card = await tokenize(api, shopper.token, CARD);
    expect(card.status, card.text).toBe(201);

    const name = `e2e_vault_stolen_${randomBytes(4).toString('hex')}`;
    const admin = superuser(vaultUrl);
    const copyUrl = await copyDatabase(vaultUrl, admin, name);
    try {
      const db = new Client({ connectionString: copyUrl });
      await db.connect();
      const { rows } = await db.query<StolenRow>('select token, pan_ciphertext, pan_iv, pan_tag, wrapped_data_key, kms_key_id, fingerprint from cards where token = $1', [
        card.body.cardToken,
      ]).finally(() => db.end());
      expect(rows).toHaveLength(1);
      const row = rows[0];

      // The copy is the real thing: the wrapped key is a KMS blob naming the master key recorded beside it.
      const blobKeyId = row.wrapped_data_key.subarray(1, 17).toString('hex');
      expect(row.kms_key_id.replace(/-/g, '')).toContain(blobKeyId);
      const aad = Buffer.from(row.token, 'utf8');
      const pan: SealedBytes = { ciphertext: row.pan_ciphertext, iv: row.pan_iv, tag: row.pan_tag };
      const blobStart = BLOB_HEADER_BYTES;
      const wrapped: SealedBytes = {
        iv: row.wrapped_data_key.subarray(blobStart, blobStart + GCM_IV_BYTES),
        tag: row.wrapped_data_key.subarray(blobStart + GCM_IV_BYTES, blobStart + GCM_IV_BYTES + GCM_TAG_BYTES),
        ciphertext: row.wrapped_data_key.subarray(blobStart + GCM_IV_BYTES + GCM_TAG_BYTES),
      };
      const header = row.wrapped_data_key.subarray(0, BLOB_HEADER_BYTES);

      // Control: the routine below does open what the right key sealed, so its failures are about the key.
      const knownKey = randomBytes(AES_KEY_BYTES);
      expect(opens(knownKey, sealAesGcm(knownKey, Buffer.from('control'), aad), aad)).toBe(true);

      const guesses = offlineKeyGuesses(row);
      const opened = guesses.filter(([, key]) => opens(key, pan, aad) || opens(key, wrapped, header)).map(([label]) => label);
      expect(guesses.length).toBeGreaterThan(5);
      expect(opened).toEqual([]);
    } finally {
      await dropDatabase(admin, name);
    }

    // The live vault asks the KMS to unwrap the same stored key: the card still pays.
    const product = await inStockProduct(api, 2, 6);
    expect((await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } })).status).toBe(200);
    const order = await checkout(api, shopper.token, card.body.cardToken);
    expect(order.status, order.text).toBe(201);
    expect(order.body.last4).toBe('4444');
  });
});
