import https from 'node:https';
import path from 'node:path';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GetKeyRotationStatusCommand,
  InvalidCiphertextException,
  KMSClient,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
} from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { KeyRotationScheduler } from './keys/key-rotation.scheduler';
import { startKmsForTests, type RunningKms } from './testing/start-kms';

const DAY_MS = 86_400_000;
const VAULT_ALIAS = 'alias/vault-cards';

describe('kms key rotation (RotateKeyOnDemand, automatic rotation, ReEncrypt, disabling old versions)', () => {
  const tlsDir = createTestPki(['kms', 'payment-vault', 'ops']);
  const rootKeyFile = path.join(tlsDir, '..', 'kms', 'root.key');
  let database: TestDatabase;
  let kms: RunningKms;
  let vault: KMSClient;
  let raw: ServiceClient;
  // The kms's clock: real time plus an offset the tests move forward.
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);

  const scheduler = () => kms.app.get(KeyRotationScheduler);
  const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

  async function disableVersion(keyId: string, version: number) {
    const body = JSON.stringify({ KeyId: keyId, Version: version });
    const response = await raw.request({ method: 'POST', path: '/', body, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.DisableKeyVersion' } });
    return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Record<string, unknown> };
  }

  async function createKey(): Promise<string> {
    const { KeyMetadata } = await vault.send(new CreateKeyCommand({}));
    return KeyMetadata!.KeyId!;
  }

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'kms');
    // A 1-second interval, so one test can watch the timer (not just runOnce) rotate a key.
    kms = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile, clock, rotationCheckIntervalSeconds: 1 });
    const tls = loadTlsIdentity(tlsDir, 'payment-vault');
    vault = new KMSClient({
      region: 'us-east-1',
      endpoint: kms.url,
      credentials: { accessKeyId: 'AKIDSTOREFRONTTEST', secretAccessKey: 'not-used-mtls-authenticates' },
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
      maxAttempts: 1,
    });
    raw = new ServiceClient({ name: 'kms', baseUrl: kms.url }, tls);
  });

  afterAll(async () => {
    vault?.destroy();
    raw?.close();
    await kms?.app.close();
    await database?.drop();
  });

  it('RotateKeyOnDemand makes a new version current; blobs under the old version still decrypt', async () => {
    const keyId = await createKey();
    const before = await vault.send(new DescribeKeyCommand({ KeyId: keyId }));
    const old = await vault.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('old secret') }));
    await expect(vault.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).resolves.toMatchObject({ KeyId: keyId });
    const after = await vault.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(after.KeyMetadata!.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(after.KeyMetadata!.CurrentKeyMaterialId).not.toBe(before.KeyMetadata!.CurrentKeyMaterialId);
    const fresh = await vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(fresh.KeyMaterialId).toBe(after.KeyMetadata!.CurrentKeyMaterialId);
    const decrypted = await vault.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }));
    expect(text(decrypted.Plaintext)).toBe('old secret');
    expect(decrypted.KeyMaterialId).toBe(before.KeyMetadata!.CurrentKeyMaterialId);
  });

  it('rotates the 90-day vault key automatically once the clock passes 90 days, and not before', async () => {
    const { KeyMetadata } = await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }));
    const firstMaterial = KeyMetadata!.CurrentKeyMaterialId;
    const status = await vault.send(new GetKeyRotationStatusCommand({ KeyId: VAULT_ALIAS }));
    expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
    const due = status.NextRotationDate!.getTime();
    expect(due - KeyMetadata!.CreationDate!.getTime()).toBe(90 * DAY_MS);

    offsetMs = due - Date.now() - 60_000; // one minute before the date
    await scheduler().runOnce();
    expect((await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.CurrentKeyMaterialId).toBe(firstMaterial);

    offsetMs = due - Date.now() + 60_000; // one minute after
    await scheduler().runOnce();
    const rotated = (await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.CurrentKeyMaterialId;
    expect(rotated).not.toBe(firstMaterial);
    // The next date moved one period on, so another pass at the same moment rotates nothing.
    const next = await vault.send(new GetKeyRotationStatusCommand({ KeyId: VAULT_ALIAS }));
    expect(next.NextRotationDate!.getTime()).toBeGreaterThanOrEqual(due + 90 * DAY_MS);
    await expect(scheduler().runOnce()).resolves.toBe(0);
    expect((await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.CurrentKeyMaterialId).toBe(rotated);
  });

  it('the interval timer rotates a due key by itself', async () => {
    const keyId = await createKey();
    await vault.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    const before = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId;
    offsetMs += 91 * DAY_MS;
    const deadline = Date.now() + 5_000;
    let current = before;
    while (current === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId;
    }
    expect(current).not.toBe(before);
  });

  it('DisableKeyRotation stops automatic rotation and GetKeyRotationStatus says so', async () => {
    const keyId = await createKey();
    await vault.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    await vault.send(new DisableKeyRotationCommand({ KeyId: keyId }));
    const status = await vault.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
    expect(status.KeyRotationEnabled).toBe(false);
    expect(status.NextRotationDate).toBeUndefined();
    const before = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId;
    offsetMs += 400 * DAY_MS;
    await scheduler().runOnce();
    expect((await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId).toBe(before);
  });

  it('ReEncrypt moves a blob to the current version with the destination context, never returning plaintext', async () => {
    const keyId = await createKey();
    const source = { purpose: 'test', row: '1' };
    const old = await vault.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('card key'), EncryptionContext: source }));
    await vault.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const current = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId;

    // The wrong source context is refused, as Decrypt would.
    await expect(
      vault.send(new ReEncryptCommand({ CiphertextBlob: old.CiphertextBlob, SourceEncryptionContext: { ...source, row: '2' }, DestinationKeyId: keyId, DestinationEncryptionContext: source })),
    ).rejects.toBeInstanceOf(InvalidCiphertextException);

    const destination = { purpose: 'test', row: '1', moved: 'yes' };
    const result = await vault.send(
      new ReEncryptCommand({ CiphertextBlob: old.CiphertextBlob, SourceEncryptionContext: source, DestinationKeyId: keyId, DestinationEncryptionContext: destination }),
    );
    expect(result).not.toHaveProperty('Plaintext');
    expect(result.DestinationKeyMaterialId).toBe(current);
    expect(result.SourceKeyMaterialId).not.toBe(current);
    expect(result.KeyId).toContain(keyId);
    // The new blob opens under the destination context only.
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: result.CiphertextBlob, EncryptionContext: source }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    const opened = await vault.send(new DecryptCommand({ CiphertextBlob: result.CiphertextBlob, EncryptionContext: destination }));
    expect(text(opened.Plaintext)).toBe('card key');
    expect(opened.KeyMaterialId).toBe(current);
  });

  it('after the old version is disabled, an old blob fails with DisabledException and a re-encrypted one works', async () => {
    const keyId = await createKey();
    const old = await vault.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('payload') }));
    const moved = old;
    await vault.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const reEncrypted = await vault.send(new ReEncryptCommand({ CiphertextBlob: moved.CiphertextBlob, DestinationKeyId: keyId }));

    // The version new encryptions use cannot be disabled, and an unknown version is NotFound.
    expect((await disableVersion(keyId, 2)).json.__type).toBe('KMSInvalidStateException');
    expect((await disableVersion(keyId, 9)).json.__type).toBe('NotFoundException');
    expect((await disableVersion(keyId, 0)).json.__type).toBe('ValidationException');
    expect(await disableVersion(keyId, 1)).toEqual({ status: 200, json: {} });

    await expect(vault.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }))).rejects.toMatchObject({ name: 'DisabledException' });
    await expect(vault.send(new ReEncryptCommand({ CiphertextBlob: old.CiphertextBlob, DestinationKeyId: keyId }))).rejects.toMatchObject({ name: 'DisabledException' });
    const opened = await vault.send(new DecryptCommand({ CiphertextBlob: reEncrypted.CiphertextBlob }));
    expect(text(opened.Plaintext)).toBe('payload');
  });

  it('GenerateDataKeyWithoutPlaintext returns only the wrapped key, which Decrypt opens', async () => {
    const keyId = await createKey();
    const context = { purpose: 'later' };
    const result = await vault.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(result).not.toHaveProperty('Plaintext');
    expect(result.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    const opened = await vault.send(new DecryptCommand({ CiphertextBlob: result.CiphertextBlob, EncryptionContext: context }));
    expect(opened.Plaintext).toHaveLength(32);
  });

  it('refuses the rotation operations to any identity but the payment vault', async () => {
    const ops = new ServiceClient({ name: 'kms', baseUrl: kms.url }, loadTlsIdentity(tlsDir, 'ops'));
    try {
      for (const target of ['RotateKeyOnDemand', 'DisableKeyVersion', 'ReEncrypt']) {
        const response = await ops.request({ method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${target}` } });
        expect(response.status).toBe(400);
        expect((JSON.parse(response.body.toString('utf8')) as { __type: string }).__type).toBe('AccessDeniedException');
      }
    } finally {
      ops.close();
    }
  });
});
