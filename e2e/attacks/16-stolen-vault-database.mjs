import { createDecipheriv, createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A thief walks off with a copy of the payment vault's database (a backup,
 * a replica, the superuser's password). Reading it as the postgres superuser,
 * the card the scenario just tokenized is there, but only as AES-256-GCM
 * ciphertext under a per-card data key that is itself stored only wrapped
 * by the KMS master key, which lives in another service and database. No
 * row of any vault table holds the number in any spelling, and using the
 * wrapped key (or anything derived from what the copy holds) as the key
 * fails GCM authentication. Without the KMS there is nothing to decrypt with.
 */
const PAN = '4242424242424242';
const PAN_PATTERN = /4242[ -]?4242[ -]?4242[ -]?4242/;

/** The same database, as the superuser: a stolen copy carries no role restrictions. */
function asSuperuser(databaseUrl) {
  const url = new URL(databaseUrl);
  url.username = 'postgres';
  url.password = '';
  return url.toString();
}

function tryDecrypt(key, row) {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, row.pan_iv, { authTagLength: row.pan_tag.length });
    decipher.setAAD(Buffer.from(row.token));
    decipher.setAuthTag(row.pan_tag);
    return Buffer.concat([decipher.update(row.pan_ciphertext), decipher.final()]).toString();
  } catch (error) {
    return { failed: error.message };
  }
}

export default {
  id: 'stolen-vault-database',
  title: "A stolen copy of the vault's database, read as the postgres superuser",
  layer: { number: 4, name: 'Encryption' },
  stoppedMeans: 'the fresh card’s row holds only ciphertext and a KMS-wrapped key; no vault table contains the number; decrypting with what the copy holds fails',
  order: 38,
  async run(ctx) {
    if (!ctx.vaultDatabaseUrl) throw new ctx.SetupError('no vault database given (--vault-db)');
    const client = ctx.newClient();
    const owner = await ctx.registerAndSignIn(client);
    const card = await client.call('POST', '/api/payments/cards', {
      token: owner.token,
      body: { number: PAN, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Ada Lovelace' },
    });
    if (card.status !== 201) throw new ctx.SetupError(`tokenize: ${card.status}`);

    const db = new pg.Client({ connectionString: asSuperuser(ctx.vaultDatabaseUrl) });
    try {
      await db.connect();
    } catch (error) {
      throw new ctx.SetupError(`cannot open the vault database as postgres: ${error.message}`);
    }
    try {
      const evidence = [];
      const got = [];
      const { rows } = await db.query('select c.*, c::text as whole from cards c where token = $1', [card.body.cardToken]);
      if (rows.length !== 1) throw new ctx.SetupError(`the card ${card.body.cardToken} is not in this database (${ctx.vaultDatabaseUrl.replace(/\/\/[^@]*@/, '//')}): wrong --vault-db?`);
      const row = rows[0];
      evidence.push(`found the card's row: last4 ${row.last4}, pan_ciphertext ${row.pan_ciphertext.length} bytes, wrapped_data_key ${row.wrapped_data_key.length} bytes (KMS key ${row.kms_key_id})`);
      if (PAN_PATTERN.test(row.whole)) got.push('the card row holds the number in clear');

      const tables = await db.query("select table_name from information_schema.tables where table_schema = 'public'");
      for (const { table_name } of tables.rows) {
        const dump = await db.query(`select t::text as row from "${table_name}" t`);
        if (dump.rows.some((r) => PAN_PATTERN.test(r.row))) got.push(`table ${table_name} holds the number in clear`);
      }
      evidence.push(`scanned ${tables.rows.length} tables for ${PAN.slice(0, 4)}… in any spelling: ${got.length === 0 ? 'not found' : 'FOUND'}`);

      const wrapped = row.wrapped_data_key;
      const guesses = [
        ['the wrapped data key', wrapped.subarray(wrapped.length - 32)],
        ['SHA-256 of the wrapped data key', createHash('sha256').update(wrapped).digest()],
        ['SHA-256 of the fingerprint', createHash('sha256').update(row.fingerprint).digest()],
      ];
      for (const [name, key] of guesses) {
        const outcome = tryDecrypt(key, row);
        evidence.push(`decrypt with ${name} as the key → ${typeof outcome === 'string' ? 'plaintext!' : `refused (${outcome.failed})`}`);
        if (typeof outcome === 'string' && PAN_PATTERN.test(outcome)) got.push(`decrypted with ${name}`);
      }
      return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
    } finally {
      await db.end();
    }
  },
};
