import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { DescribeKeyCommand, KMSClient, RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { gatewayAssertionHeaders } from '../testing/gateway-assertion';
import { startVaultStack, type VaultStack } from '../testing/start-vault-stack';
import { RewrapRepository } from './rewrap.repository';

const VAULT_ALIAS = 'alias/vault-cards';
const PANS = ['4242424242424242', '5555555555554444', '378282246310005'];
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('POST /internal/rewrap (moving card data keys to the rotated master key)', () => {
  let stack: VaultStack;
  let kms: KMSClient;
  let kmsRaw: ServiceClient;
  const cards: { token: string; userId: string; pan: string }[] = [];

  const currentMaterial = async () => (await kms.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.CurrentKeyMaterialId!;

  async function rewrap(identity = 'ops') {
    const response = await stack.client(identity).request({ method: 'POST', path: '/internal/rewrap' });
    return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Record<string, unknown> };
  }

  async function cardRows() {
    const db = await stack.sql();
    try {
      return (await db.query<{ token: string; kms_key_material_id: string | null; wrapped_data_key: Buffer }>('SELECT token, kms_key_material_id, wrapped_data_key FROM cards ORDER BY token')).rows;
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
    // The test plays the key administrator: rotating and retiring key versions is the ops identity's alone (KMS_OPERATION_ALLOW_LIST).
    const tls = loadTlsIdentity(stack.tlsDir, 'ops');
    kms = new KMSClient({
      region: 'us-east-1',
      endpoint: stack.kms.url,
      credentials: { accessKeyId: 'AKIDSTOREFRONTTEST', secretAccessKey: 'not-used-mtls-authenticates' },
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
      maxAttempts: 1,
    });
    kmsRaw = new ServiceClient({ name: 'kms', baseUrl: stack.kms.url }, tls);
    const gateway = stack.client('gateway');
    for (const pan of PANS) {
      const userId = randomUUID();
      const body = { number: pan, expMonth: 12, expYear: NEXT_YEAR, cvc: pan.length === 15 ? '1234' : '123', holder: 'Rewrap Test' };
      const response = await gateway.request({ method: 'POST', path: '/payments/cards', body, headers: await gatewayAssertionHeaders(stack.tlsDir, userId) });
      expect(response.status).toBe(201);
      cards.push({ token: (JSON.parse(response.body.toString('utf8')) as { cardToken: string }).cardToken, userId, pan });
    }
  });

  afterAll(async () => {
    kms?.destroy();
    kmsRaw?.close();
    await stack?.stop();
  });

  it('records the key generation of each new card, and has nothing to do before a rotation', async () => {
    const material = await currentMaterial();
    expect((await cardRows()).map((row) => row.kms_key_material_id)).toEqual([material, material, material]);
    expect(await rewrap()).toEqual({ status: 200, json: { rewrapped: 0, remaining: 0 } });
  });

  it('refuses callers other than ops', async () => {
    for (const identity of ['gateway', 'order']) {
      const response = await rewrap(identity);
      expect(response.status).toBe(403);
      expect(response.json).toMatchObject({ error: { code: 'CLIENT_NOT_ALLOWED' } });
    }
  });

  it('after a rotation moves every card to the new generation; a rerun is a no-op; cards still charge with the old version disabled', async () => {
    const before = await cardRows();
    const oldMaterial = await currentMaterial();
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: VAULT_ALIAS }));
    const newMaterial = await currentMaterial();
    expect(newMaterial).not.toBe(oldMaterial);

    // A row from before the column existed (NULL) counts as stale too.
    const db = await stack.sql();
    await db.query('UPDATE cards SET kms_key_material_id = NULL WHERE token = $1', [cards[0].token]);
    await db.end();

    expect(await rewrap()).toEqual({ status: 200, json: { rewrapped: 3, remaining: 0 } });
    const after = await cardRows();
    expect(after.map((row) => row.kms_key_material_id)).toEqual([newMaterial, newMaterial, newMaterial]);
    after.forEach((row, i) => expect(row.wrapped_data_key.equals(before[i].wrapped_data_key)).toBe(false));

    expect(await rewrap()).toEqual({ status: 200, json: { rewrapped: 0, remaining: 0 } });
    expect((await cardRows()).map((row) => row.wrapped_data_key.toString('hex'))).toEqual(after.map((row) => row.wrapped_data_key.toString('hex')));

    // Version 1 is the alias key's original material: disable it (emulator extension) to prove nothing needs it.
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }));
    const disabled = await kmsRaw.request({
      method: 'POST',
      path: '/',
      body: JSON.stringify({ KeyId: KeyMetadata!.KeyId, Version: 1 }),
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.DisableKeyVersion' },
    });
    expect(disabled.status).toBe(200);

    const order = stack.client('order');
    for (const card of cards) {
      const body = { cardToken: card.token, userId: card.userId, orderId: randomUUID(), amountCents: 1999, currency: 'USD' };
      const response = await order.request({ method: 'POST', path: '/internal/charges', body });
      expect(response.status).toBe(201);
      expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ status: 'approved', last4: card.pan.slice(-4) });
    }
  });

  it('updates a row only if it still holds the wrapped key the run read (two runs never overwrite each other)', async () => {
    const repository = stack.vault.get(RewrapRepository);
    const [row] = await cardRows();
    const stale = Buffer.from('not the stored wrapped key');
    const next = { wrappedKey: Buffer.from('would-be new key'), kmsKeyId: 'arn:aws:kms:us-east-1:000000000000:key/x', kmsKeyMaterialId: 'f'.repeat(64) };
    await expect(repository.replaceWrappedKey(row.token, stale, next)).resolves.toBe(false);
    const [unchanged] = await cardRows();
    expect(unchanged.wrapped_data_key.equals(row.wrapped_data_key)).toBe(true);
  });

  it('never stores a card number in the vault database, in any table or column', async () => {
    const db = await stack.sql();
    try {
      const dump = (await db.query<{ row: string }>(`SELECT row_to_json(c)::text AS row FROM cards c UNION ALL SELECT row_to_json(h)::text FROM charges h`)).rows
        .map((r) => r.row)
        .join('\n');
      const hexDump = dump.toLowerCase();
      expect(dump.length).toBeGreaterThan(0);
      for (const pan of PANS) {
        expect(dump).not.toContain(pan);
        expect(hexDump).not.toContain(Buffer.from(pan, 'ascii').toString('hex'));
      }
    } finally {
      await db.end();
    }
  });
});
