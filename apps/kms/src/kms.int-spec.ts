import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GenerateDataKeyCommand,
  GetKeyRotationStatusCommand,
  IncorrectKeyException,
  InvalidAliasNameException,
  InvalidCiphertextException,
  type KMSClient,
  KMSInternalException,
  KMSServiceException,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
} from '@aws-sdk/client-kms';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAesGcm } from '@storefront/vault/crypto';
import { type AccessDeniedPublisher, loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { kmsSdkClient } from './testing/kms-sdk-client';
import { startKmsForTests, type RunningKms } from './testing/start-kms';

const VAULT_ALIAS = 'alias/vault-cards';
type DeniedEvent = Parameters<AccessDeniedPublisher['publish']>[0];

describe('kms emulator speaks the AWS KMS JSON protocol to @aws-sdk/client-kms', () => {
  const tlsDir = createTestPki(['kms', 'payment-vault', 'order', 'catalog', 'ops']);
  const rootKeyFile = path.join(tlsDir, '..', 'kms', 'root.key');
  let database: TestDatabase;
  let kms: RunningKms;
  const clients: KMSClient[] = [];
  const published: DeniedEvent[] = [];
  const securityEvents: AccessDeniedPublisher = {
    publish: async (event) => {
      published.push(event);
      return true;
    },
  };

  /** Wraps a fresh data key under `KeyId` as the vault does; the plaintext comes back to compare with what Decrypt returns. */
  async function wrappedDataKey(keyId: string, context?: Record<string, string>) {
    const dataKey = await sdkClient('payment-vault').send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    return { CiphertextBlob: dataKey.CiphertextBlob!, plaintext: Buffer.from(dataKey.Plaintext!) };
  }

  /** The real AWS SDK client, authenticated to the emulator by its mTLS certificate. */
  function sdkClient(identity: string, url = kms.url): KMSClient {
    const client = kmsSdkClient(url, loadTlsIdentity(tlsDir, identity));
    clients.push(client);
    return client;
  }

  const raw = (identity = 'payment-vault') => new ServiceClient({ name: 'kms', baseUrl: kms.url }, loadTlsIdentity(tlsDir, identity));

  async function rawCall(target: string | undefined, body: string, identity?: string) {
    const headers: Record<string, string | undefined> = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target };
    const response = await raw(identity).request({ method: 'POST', path: '/', body, headers });
    return { status: response.status, headers: response.headers, json: JSON.parse(response.body.toString('utf8')) as Record<string, unknown> };
  }

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'kms');
    kms = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile, securityEvents });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await kms?.app.close();
    await database?.drop();
  });

  it('creates the vault card key and its alias at start, with rotation every 90 days', async () => {
    const ops = sdkClient('ops');
    const { Aliases } = await ops.send(new ListAliasesCommand({}));
    const alias = Aliases?.find((a) => a.AliasName === VAULT_ALIAS);
    expect(alias?.TargetKeyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(alias?.AliasArn).toBe(`arn:aws:kms:us-east-1:000000000000:${VAULT_ALIAS}`);
    const rotation = await ops.send(new GetKeyRotationStatusCommand({ KeyId: alias!.TargetKeyId }));
    expect(rotation.KeyRotationEnabled).toBe(true);
    expect(rotation.RotationPeriodInDays).toBe(90);
    expect(rotation.NextRotationDate).toBeInstanceOf(Date);
  });

  it('creates the vault key only once however many times the service starts', async () => {
    const second = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile });
    try {
      const { Aliases } = await sdkClient('ops', second.url).send(new ListAliasesCommand({}));
      expect(Aliases?.filter((a) => a.AliasName === VAULT_ALIAS)).toHaveLength(1);
      const db = new Client({ connectionString: database.url });
      await db.connect();
      const { rows } = await db.query<{ count: string }>(`SELECT count(*) FROM aliases WHERE name = $1`, [VAULT_ALIAS]);
      await db.end();
      expect(rows[0].count).toBe('1');
    } finally {
      await second.app.close();
    }
  });

  it('lets the ops identity create a key, and describes it by id, ARN, alias name and alias ARN', async () => {
    const ops = sdkClient('ops');
    const vault = sdkClient('payment-vault');
    const { KeyMetadata } = await ops.send(new CreateKeyCommand({ Description: 'test key' }));
    expect(KeyMetadata).toMatchObject({ KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', Description: 'test key' });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    const keyId = KeyMetadata!.KeyId!;
    await ops.send(new CreateAliasCommand({ AliasName: 'alias/test-describe', TargetKeyId: keyId }));
    for (const reference of [keyId, KeyMetadata!.Arn!, 'alias/test-describe', 'arn:aws:kms:us-east-1:000000000000:alias/test-describe']) {
      for (const client of [ops, vault]) {
        const described = await client.send(new DescribeKeyCommand({ KeyId: reference }));
        expect(described.KeyMetadata?.KeyId).toBe(keyId);
      }
    }
  });

  it('lists keys and aliases page by page', async () => {
    const ops = sdkClient('ops');
    for (let i = 0; i < 3; i++) await ops.send(new CreateKeyCommand({}));
    const first = await ops.send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const second = await ops.send(new ListKeysCommand({ Limit: 1000, Marker: first.NextMarker }));
    expect(second.Truncated).toBe(false);
    const ids = [...first.Keys!, ...second.Keys!].map((k) => k.KeyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(first.Keys![0].KeyArn).toBe(`arn:aws:kms:us-east-1:000000000000:key/${first.Keys![0].KeyId}`);

    const { KeyMetadata } = await ops.send(new CreateKeyCommand({}));
    await ops.send(new CreateAliasCommand({ AliasName: 'alias/page-a', TargetKeyId: KeyMetadata!.KeyId }));
    await ops.send(new CreateAliasCommand({ AliasName: 'alias/page-b', TargetKeyId: KeyMetadata!.KeyId }));
    const forKey = await ops.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId, Limit: 1 }));
    expect(forKey.Aliases?.map((a) => a.AliasName)).toEqual(['alias/page-a']);
    const rest = await ops.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId, Marker: forKey.NextMarker }));
    expect(rest.Aliases?.map((a) => a.AliasName)).toEqual(['alias/page-b']);
  });

  it('generates a 32-byte AES_256 data key whose ciphertext blob decrypts back to it', async () => {
    const vault = sdkClient('payment-vault');
    const context = { cardToken: 'tok_abc' };
    const dataKey = await vault.send(new GenerateDataKeyCommand({ KeyId: VAULT_ALIAS, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(dataKey.Plaintext).toHaveLength(32);
    expect(dataKey.KeyId).toMatch(/^arn:aws:kms:us-east-1:000000000000:key\//);
    const decrypted = await vault.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(decrypted.Plaintext!)).toEqual(Buffer.from(dataKey.Plaintext!));
    expect(decrypted.KeyId).toBe(dataKey.KeyId);
    expect(decrypted.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
  });

  it('generates a data key of NumberOfBytes bytes, and refuses both or neither of KeySpec and NumberOfBytes', async () => {
    const vault = sdkClient('payment-vault');
    const dataKey = await vault.send(new GenerateDataKeyCommand({ KeyId: VAULT_ALIAS, NumberOfBytes: 64 }));
    expect(dataKey.Plaintext).toHaveLength(64);
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: VAULT_ALIAS, KeySpec: 'AES_256', NumberOfBytes: 32 }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: VAULT_ALIAS }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('unwraps a data key under the same encryption context (in any order), and refuses a different or missing context', async () => {
    const vault = sdkClient('payment-vault');
    const context = { purpose: 'test', orderId: '42' };
    const { CiphertextBlob, plaintext } = await wrappedDataKey(VAULT_ALIAS, context);
    expect(Buffer.from(CiphertextBlob).includes(plaintext)).toBe(false);
    const reordered = { orderId: '42', purpose: 'test' };
    const { Plaintext } = await vault.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: reordered }));
    expect(Buffer.from(Plaintext!)).toEqual(plaintext);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { ...context, orderId: '43' } }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('refuses a ciphertext blob whose ciphertext, tag or key version was tampered with', async () => {
    const vault = sdkClient('payment-vault');
    const { CiphertextBlob } = await wrappedDataKey(VAULT_ALIAS);
    const flip = (index: number) => {
      const copy = Buffer.from(CiphertextBlob!);
      copy[index] ^= 0x01;
      return copy;
    };
    const lastByte = CiphertextBlob!.length - 1;
    for (const index of [lastByte, 40, 20, 0]) {
      await expect(vault.send(new DecryptCommand({ CiphertextBlob: flip(index) }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    }
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: Buffer.from('short') }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('answers IncorrectKeyException when Decrypt names another key than the one that encrypted', async () => {
    const vault = sdkClient('payment-vault');
    const other = await sdkClient('ops').send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await wrappedDataKey(VAULT_ALIAS);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob, KeyId: other.KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(IncorrectKeyException);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob, KeyId: VAULT_ALIAS }))).resolves.toMatchObject({ EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
  });

  it('answers NotFoundException for an unknown key, alias or malformed key id', async () => {
    const vault = sdkClient('payment-vault');
    for (const reference of ['00000000-0000-4000-8000-000000000000', 'alias/nope', 'not a key']) {
      await expect(vault.send(new DescribeKeyCommand({ KeyId: reference }))).rejects.toBeInstanceOf(NotFoundException);
    }
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: 'alias/nope', KeySpec: 'AES_256' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('refuses a duplicate alias and an alias in the reserved alias/aws/ namespace', async () => {
    const ops = sdkClient('ops');
    const { KeyMetadata } = await ops.send(new CreateKeyCommand({}));
    await expect(ops.send(new CreateAliasCommand({ AliasName: VAULT_ALIAS, TargetKeyId: KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(ops.send(new CreateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(InvalidAliasNameException);
    await expect(ops.send(new CreateAliasCommand({ AliasName: 'not-an-alias', TargetKeyId: KeyMetadata!.KeyId }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('enables rotation with a period and reports it', async () => {
    const ops = sdkClient('ops');
    const { KeyMetadata } = await ops.send(new CreateKeyCommand({}));
    await expect(ops.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata!.KeyId }))).resolves.toMatchObject({ KeyRotationEnabled: false });
    await ops.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata!.KeyId, RotationPeriodInDays: 180 }));
    const status = await ops.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });
    const days = (status.NextRotationDate!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(179);
    expect(days).toBeLessThanOrEqual(180);
    await expect(ops.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata!.KeyId, RotationPeriodInDays: 30 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses an identity the kms does not serve at all (order) with 403 AccessDeniedException and an event', async () => {
    const error = await sdkClient('order').send(new ListKeysCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KMSServiceException);
    expect(error).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect(published).toContainEqual(expect.objectContaining({ type: 'access.permission.denied', details: { clientIdentity: 'order', method: 'POST', route: '/' } }));
  });

  it('refuses the payment vault CreateKey with 403 AccessDeniedException naming identity and operation, and an event', async () => {
    const before = await sdkClient('ops').send(new ListKeysCommand({ Limit: 1000 }));
    const response = await rawCall('TrentService.CreateKey', '{}', 'payment-vault');
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(response.json).toEqual({ __type: 'AccessDeniedException', message: 'The identity payment-vault is not allowed to call CreateKey.' });
    expect(published).toContainEqual({
      type: 'access.permission.denied',
      outcome: 'blocked',
      source: { ip: expect.any(String) },
      details: { clientIdentity: 'payment-vault', method: 'POST', route: '/', operation: 'CreateKey' },
    });
    const after = await sdkClient('ops').send(new ListKeysCommand({ Limit: 1000 }));
    expect(after.Keys).toHaveLength(before.Keys!.length);
  });

  it('refuses the payment vault every key administration operation, through the SDK too', async () => {
    const vault = sdkClient('payment-vault');
    const denied = { name: 'AccessDeniedException' };
    await expect(vault.send(new CreateKeyCommand({}))).rejects.toMatchObject(denied);
    await expect(vault.send(new ListKeysCommand({}))).rejects.toMatchObject(denied);
    await expect(vault.send(new ListAliasesCommand({}))).rejects.toMatchObject(denied);
    await expect(vault.send(new EnableKeyRotationCommand({ KeyId: VAULT_ALIAS }))).rejects.toMatchObject(denied);
  });

  it('refuses a catalog certificate GenerateDataKey with 403 and an event, and never returns a key', async () => {
    const response = await rawCall('TrentService.GenerateDataKey', JSON.stringify({ KeyId: VAULT_ALIAS, KeySpec: 'AES_256' }), 'catalog');
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ __type: 'AccessDeniedException', message: expect.stringContaining('catalog') });
    expect(response.json).not.toHaveProperty('Plaintext');
    expect(published).toContainEqual(expect.objectContaining({ type: 'access.permission.denied', details: { clientIdentity: 'catalog', method: 'POST', route: '/' } }));
  });

  it('refuses the ops identity the data-key operations: an operator never sees a data key', async () => {
    const { CiphertextBlob } = await wrappedDataKey(VAULT_ALIAS);
    const body = { GenerateDataKey: { KeyId: VAULT_ALIAS, KeySpec: 'AES_256' }, Decrypt: { CiphertextBlob: Buffer.from(CiphertextBlob).toString('base64') } };
    for (const [operation, request] of Object.entries(body)) {
      const response = await rawCall(`TrentService.${operation}`, JSON.stringify(request), 'ops');
      expect(response.status).toBe(403);
      expect(response.json).toEqual({ __type: 'AccessDeniedException', message: `The identity ops is not allowed to call ${operation}.` });
      expect(published).toContainEqual(expect.objectContaining({ details: expect.objectContaining({ clientIdentity: 'ops', operation }) }));
    }
  });

  it('lets nobody call Encrypt: no identity of the project needs raw data under a master key', async () => {
    for (const identity of ['payment-vault', 'ops']) {
      const response = await rawCall('TrentService.Encrypt', JSON.stringify({ KeyId: VAULT_ALIAS, Plaintext: Buffer.from('secret').toString('base64') }), identity);
      expect(response.status).toBe(403);
      expect(response.json.__type).toBe('AccessDeniedException');
    }
  });

  it('answers an unknown or missing operation with 400 UnknownOperationException in the AWS error shape', async () => {
    for (const target of ['TrentService.ConnectCustomKeyStore', 'DynamoDB_20120810.ListTables', undefined]) {
      const response = await rawCall(target, '{}');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1/);
      expect(response.headers['x-amzn-errortype']).toBe('UnknownOperationException');
      expect(response.json).toEqual({ __type: 'UnknownOperationException', message: expect.any(String) });
    }
  });

  it('answers a body of the wrong shape with 400 ValidationException, never a 500', async () => {
    for (const body of ['[]', '{"KeyId": 42}', '{"KeyId": ""}', '{"KeyId": null}']) {
      const response = await rawCall('TrentService.DescribeKey', body);
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe('ValidationException');
    }
    const badBase64 = await rawCall('TrentService.Decrypt', '{"CiphertextBlob": "***"}');
    expect(badBase64.json.__type).toBe('ValidationException');
  });

  it('answers JSON that is not an object or array with 400 before routing (platform body parser, platform error shape)', async () => {
    // The shared body parser runs before any route and is strict; the SDK never sends such bodies.
    const response = await rawCall('TrentService.DescribeKey', '"text"');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
  });

  it('stores key material only wrapped by the root key, bound to its key id and version', async () => {
    const { KeyMetadata } = await sdkClient('ops').send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const { rows } = await db.query<{ wrapped_material: Buffer; iv: Buffer; tag: Buffer }>(
      'SELECT wrapped_material, iv, tag FROM key_versions WHERE key_id = $1 AND version = 1',
      [keyId],
    );
    await db.end();
    const rootKey = Buffer.from(readFileSync(rootKeyFile, 'utf8').trim(), 'base64');
    const sealed = { ciphertext: rows[0].wrapped_material, iv: rows[0].iv, tag: rows[0].tag };
    const material = openAesGcm(rootKey, sealed, Buffer.from(`storefront-kms/key-material/v1/${keyId}/1`));
    expect(material).toHaveLength(32);
    expect(material.equals(rows[0].wrapped_material)).toBe(false);
    expect(() => openAesGcm(rootKey, sealed, Buffer.from(`storefront-kms/key-material/v1/${keyId}/2`))).toThrow();
    expect(() => openAesGcm(randomBytes(32), sealed, Buffer.from(`storefront-kms/key-material/v1/${keyId}/1`))).toThrow();
  });

  it('cannot decrypt anything when started with another root key (the database alone is not enough)', async () => {
    const { CiphertextBlob } = await wrappedDataKey(VAULT_ALIAS);
    const otherRootKeyFile = path.join(tlsDir, '..', 'kms', 'other-root.key');
    writeFileSync(otherRootKeyFile, randomBytes(32).toString('base64'));
    const impostor = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile: otherRootKeyFile });
    try {
      await expect(sdkClient('payment-vault', impostor.url).send(new DecryptCommand({ CiphertextBlob }))).rejects.toBeInstanceOf(KMSInternalException);
    } finally {
      await impostor.app.close();
    }
  });
});
