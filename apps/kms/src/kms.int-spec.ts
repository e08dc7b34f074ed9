import https from 'node:https';
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
  EncryptCommand,
  GenerateDataKeyCommand,
  GetKeyRotationStatusCommand,
  IncorrectKeyException,
  InvalidAliasNameException,
  InvalidCiphertextException,
  KMSClient,
  KMSInternalException,
  KMSServiceException,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
} from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAesGcm } from '@storefront/vault/crypto';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { startKmsForTests, type RunningKms } from './testing/start-kms';

const VAULT_ALIAS = 'alias/vault-cards';

describe('kms emulator speaks the AWS KMS JSON protocol to @aws-sdk/client-kms', () => {
  const tlsDir = createTestPki(['kms', 'payment-vault', 'order', 'ops']);
  const rootKeyFile = path.join(tlsDir, '..', 'kms', 'root.key');
  let database: TestDatabase;
  let kms: RunningKms;
  const clients: KMSClient[] = [];

  /** The real AWS SDK client, authenticated to the emulator by its mTLS certificate. */
  function sdkClient(identity: string, url = kms.url): KMSClient {
    const tls = loadTlsIdentity(tlsDir, identity);
    const client = new KMSClient({
      region: 'us-east-1',
      endpoint: url,
      // The SDK insists on signing with SigV4; the emulator ignores the signature and trusts the client certificate.
      credentials: { accessKeyId: 'AKIDSTOREFRONTTEST', secretAccessKey: 'not-used-mtls-authenticates' },
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
      maxAttempts: 1,
    });
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
    kms = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await kms?.app.close();
    await database?.drop();
  });

  it('creates the vault card key and its alias at start, with rotation every 90 days', async () => {
    const vault = sdkClient('payment-vault');
    const { Aliases } = await vault.send(new ListAliasesCommand({}));
    const alias = Aliases?.find((a) => a.AliasName === VAULT_ALIAS);
    expect(alias?.TargetKeyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(alias?.AliasArn).toBe(`arn:aws:kms:us-east-1:000000000000:${VAULT_ALIAS}`);
    const rotation = await vault.send(new GetKeyRotationStatusCommand({ KeyId: alias!.TargetKeyId }));
    expect(rotation.KeyRotationEnabled).toBe(true);
    expect(rotation.RotationPeriodInDays).toBe(90);
    expect(rotation.NextRotationDate).toBeInstanceOf(Date);
  });

  it('creates the vault key only once however many times the service starts', async () => {
    const second = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile });
    try {
      const { Aliases } = await sdkClient('payment-vault', second.url).send(new ListAliasesCommand({}));
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

  it('creates a key and describes it by id, ARN, alias name and alias ARN', async () => {
    const vault = sdkClient('payment-vault');
    const { KeyMetadata } = await vault.send(new CreateKeyCommand({ Description: 'test key' }));
    expect(KeyMetadata).toMatchObject({ KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'Enabled', Enabled: true, KeySpec: 'SYMMETRIC_DEFAULT', Description: 'test key' });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    const keyId = KeyMetadata!.KeyId!;
    await vault.send(new CreateAliasCommand({ AliasName: 'alias/test-describe', TargetKeyId: keyId }));
    for (const reference of [keyId, KeyMetadata!.Arn!, 'alias/test-describe', 'arn:aws:kms:us-east-1:000000000000:alias/test-describe']) {
      const described = await vault.send(new DescribeKeyCommand({ KeyId: reference }));
      expect(described.KeyMetadata?.KeyId).toBe(keyId);
    }
  });

  it('lists keys and aliases page by page', async () => {
    const vault = sdkClient('payment-vault');
    for (let i = 0; i < 3; i++) await vault.send(new CreateKeyCommand({}));
    const first = await vault.send(new ListKeysCommand({ Limit: 2 }));
    expect(first.Keys).toHaveLength(2);
    expect(first.Truncated).toBe(true);
    const second = await vault.send(new ListKeysCommand({ Limit: 1000, Marker: first.NextMarker }));
    expect(second.Truncated).toBe(false);
    const ids = [...first.Keys!, ...second.Keys!].map((k) => k.KeyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(first.Keys![0].KeyArn).toBe(`arn:aws:kms:us-east-1:000000000000:key/${first.Keys![0].KeyId}`);

    const { KeyMetadata } = await vault.send(new CreateKeyCommand({}));
    await vault.send(new CreateAliasCommand({ AliasName: 'alias/page-a', TargetKeyId: KeyMetadata!.KeyId }));
    await vault.send(new CreateAliasCommand({ AliasName: 'alias/page-b', TargetKeyId: KeyMetadata!.KeyId }));
    const forKey = await vault.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId, Limit: 1 }));
    expect(forKey.Aliases?.map((a) => a.AliasName)).toEqual(['alias/page-a']);
    const rest = await vault.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId, Marker: forKey.NextMarker }));
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

  it('encrypts and decrypts with an encryption context, and refuses a different or missing context', async () => {
    const vault = sdkClient('payment-vault');
    const plaintext = Buffer.from('attack at dawn');
    const context = { purpose: 'test', orderId: '42' };
    const { CiphertextBlob } = await vault.send(new EncryptCommand({ KeyId: VAULT_ALIAS, Plaintext: plaintext, EncryptionContext: context }));
    expect(Buffer.from(CiphertextBlob!).includes(plaintext)).toBe(false);
    const reordered = { orderId: '42', purpose: 'test' };
    const { Plaintext } = await vault.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: reordered }));
    expect(Buffer.from(Plaintext!)).toEqual(plaintext);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { ...context, orderId: '43' } }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('refuses a ciphertext blob whose ciphertext, tag or key version was tampered with', async () => {
    const vault = sdkClient('payment-vault');
    const { CiphertextBlob } = await vault.send(new EncryptCommand({ KeyId: VAULT_ALIAS, Plaintext: Buffer.from('secret') }));
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
    const other = await vault.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await vault.send(new EncryptCommand({ KeyId: VAULT_ALIAS, Plaintext: Buffer.from('secret') }));
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
    const vault = sdkClient('payment-vault');
    const { KeyMetadata } = await vault.send(new CreateKeyCommand({}));
    await expect(vault.send(new CreateAliasCommand({ AliasName: VAULT_ALIAS, TargetKeyId: KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(vault.send(new CreateAliasCommand({ AliasName: 'alias/aws/s3', TargetKeyId: KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(InvalidAliasNameException);
    await expect(vault.send(new CreateAliasCommand({ AliasName: 'not-an-alias', TargetKeyId: KeyMetadata!.KeyId }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('enables rotation with a period and reports it', async () => {
    const vault = sdkClient('payment-vault');
    const { KeyMetadata } = await vault.send(new CreateKeyCommand({}));
    await expect(vault.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata!.KeyId }))).resolves.toMatchObject({ KeyRotationEnabled: false });
    await vault.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata!.KeyId, RotationPeriodInDays: 180 }));
    const status = await vault.send(new GetKeyRotationStatusCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });
    const days = (status.NextRotationDate!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(179);
    expect(days).toBeLessThanOrEqual(180);
    await expect(vault.send(new EnableKeyRotationCommand({ KeyId: KeyMetadata!.KeyId, RotationPeriodInDays: 30 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses every identity but the payment vault with AccessDeniedException', async () => {
    const error = await sdkClient('order').send(new ListKeysCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KMSServiceException);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    const response = await rawCall('TrentService.ListKeys', '{}', 'ops');
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('AccessDeniedException');
  });

  it('answers an unknown or missing operation with 400 UnknownOperationException in the AWS error shape', async () => {
    for (const target of ['TrentService.ScheduleKeyDeletion', 'DynamoDB_20120810.ListTables', undefined]) {
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
    const { KeyMetadata } = await sdkClient('payment-vault').send(new CreateKeyCommand({}));
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
    const { CiphertextBlob } = await sdkClient('payment-vault').send(new EncryptCommand({ KeyId: VAULT_ALIAS, Plaintext: Buffer.from('secret') }));
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
