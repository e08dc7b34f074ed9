import path from 'node:path';
import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisableKeyRotationCommand,
  DisabledException,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GetKeyRotationStatusCommand,
  InvalidCiphertextException,
  InvalidMarkerException,
  type KMSClient,
  KMSInvalidStateException,
  ListKeyRotationsCommand,
  NotFoundException,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTlsIdentity, ServiceClient } from '@storefront/platform/mtls';
import { createTestDatabase, createTestPki, type TestDatabase } from '@storefront/platform/testing';
import { DataKeysService } from './data-keys/data-keys.service';
import { KeyRotationScheduler } from './keys/key-rotation.scheduler';
import { kmsSdkClient } from './testing/kms-sdk-client';
import { startKmsForTests, type RunningKms } from './testing/start-kms';

const DAY_MS = 86_400_000;
const VAULT_ALIAS = 'alias/vault-cards';

describe('kms key rotation (RotateKeyOnDemand, automatic rotation, ListKeyRotations, ReEncrypt, disabling old versions) and key deletion', () => {
  const tlsDir = createTestPki(['kms', 'payment-vault', 'ops']);
  const rootKeyFile = path.join(tlsDir, '..', 'kms', 'root.key');
  let database: TestDatabase;
  let kms: RunningKms;
  let vault: KMSClient;
  let ops: KMSClient;
  let opsRaw: ServiceClient;
  // The kms's clock: real time plus an offset the tests move forward.
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);

  const scheduler = () => kms.app.get(KeyRotationScheduler);
  const bytesOf = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []);

  /** A data key wrapped under `keyId` as the vault wraps one; its plaintext is kept to compare with what Decrypt returns. */
  async function wrappedDataKey(keyId: string, context?: Record<string, string>) {
    const dataKey = await vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    return { CiphertextBlob: dataKey.CiphertextBlob!, plaintext: bytesOf(dataKey.Plaintext) };
  }

  /** A raw AWS JSON call as the ops identity, for bodies the SDK would never send. */
  async function opsCall(operation: string, body: object) {
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${operation}` };
    const response = await opsRaw.request({ method: 'POST', path: '/', body: JSON.stringify(body), headers });
    return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Record<string, unknown> };
  }

  const disableVersion = (keyId: string, version: number) => opsCall('DisableKeyVersion', { KeyId: keyId, Version: version });

  /**
   * One rotation pass that surely saw the moved clock: runOnce shares a pass
   * already in flight (the 1-second timer's), which may have read the clock
   * before it moved, so a second pass follows it.
   */
  async function rotationPassAfterClockMove() {
    await scheduler().runOnce();
    await scheduler().runOnce();
  }

  const rotationsOf = async (keyId: string) => (await ops.send(new ListKeyRotationsCommand({ KeyId: keyId }))).Rotations ?? [];

  async function createKey(): Promise<string> {
    const { KeyMetadata } = await ops.send(new CreateKeyCommand({}));
    return KeyMetadata!.KeyId!;
  }

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'kms');
    // A 1-second interval, so one test can watch the timer (not just runOnce) rotate a key.
    kms = await startKmsForTests({ databaseUrl: database.url, tlsDir, rootKeyFile, clock, rotationCheckIntervalSeconds: 1 });
    vault = kmsSdkClient(kms.url, loadTlsIdentity(tlsDir, 'payment-vault'));
    // Key administration (create, rotate, retire versions) is the ops identity's alone.
    ops = kmsSdkClient(kms.url, loadTlsIdentity(tlsDir, 'ops'));
    opsRaw = new ServiceClient({ name: 'kms', baseUrl: kms.url }, loadTlsIdentity(tlsDir, 'ops'));
  });

  afterAll(async () => {
    vault?.destroy();
    ops?.destroy();
    opsRaw?.close();
    await kms?.app.close();
    await database?.drop();
  });

  it('RotateKeyOnDemand makes a new version current; blobs under the old version still decrypt', async () => {
    const keyId = await createKey();
    const before = await vault.send(new DescribeKeyCommand({ KeyId: keyId }));
    const old = await wrappedDataKey(keyId);
    await expect(ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).resolves.toMatchObject({ KeyId: keyId });
    const after = await vault.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(after.KeyMetadata!.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(after.KeyMetadata!.CurrentKeyMaterialId).not.toBe(before.KeyMetadata!.CurrentKeyMaterialId);
    const fresh = await vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(fresh.KeyMaterialId).toBe(after.KeyMetadata!.CurrentKeyMaterialId);
    const decrypted = await vault.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }));
    expect(bytesOf(decrypted.Plaintext)).toEqual(old.plaintext);
    expect(decrypted.KeyMaterialId).toBe(before.KeyMetadata!.CurrentKeyMaterialId);
  });

  it('rotates the 90-day vault key automatically once the clock passes 90 days, and not before', async () => {
    const { KeyMetadata } = await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }));
    const firstMaterial = KeyMetadata!.CurrentKeyMaterialId;
    const status = await ops.send(new GetKeyRotationStatusCommand({ KeyId: VAULT_ALIAS }));
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
    const next = await ops.send(new GetKeyRotationStatusCommand({ KeyId: VAULT_ALIAS }));
    expect(next.NextRotationDate!.getTime()).toBeGreaterThanOrEqual(due + 90 * DAY_MS);
    await expect(scheduler().runOnce()).resolves.toBe(0);
    expect((await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.CurrentKeyMaterialId).toBe(rotated);
  });

  it('the interval timer rotates a due key by itself', async () => {
    const keyId = await createKey();
    await ops.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
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
    await ops.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    await ops.send(new DisableKeyRotationCommand({ KeyId: keyId }));
    const status = await ops.send(new GetKeyRotationStatusCommand({ KeyId: keyId }));
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
    const old = await wrappedDataKey(keyId, source);
    await ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
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
    expect(bytesOf(opened.Plaintext)).toEqual(old.plaintext);
    expect(opened.KeyMaterialId).toBe(current);
  });

  it('after the old version is disabled, an old blob fails with DisabledException and a re-encrypted one works', async () => {
    const keyId = await createKey();
    const old = await wrappedDataKey(keyId);
    const moved = old;
    await ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const reEncrypted = await vault.send(new ReEncryptCommand({ CiphertextBlob: moved.CiphertextBlob, DestinationKeyId: keyId }));

    // The version new encryptions use cannot be disabled, and an unknown version is NotFound.
    expect((await disableVersion(keyId, 2)).json.__type).toBe('KMSInvalidStateException');
    expect((await disableVersion(keyId, 9)).json.__type).toBe('NotFoundException');
    expect((await disableVersion(keyId, 0)).json.__type).toBe('ValidationException');
    expect(await disableVersion(keyId, 1)).toEqual({ status: 200, json: {} });

    await expect(vault.send(new DecryptCommand({ CiphertextBlob: old.CiphertextBlob }))).rejects.toMatchObject({ name: 'DisabledException' });
    await expect(vault.send(new ReEncryptCommand({ CiphertextBlob: old.CiphertextBlob, DestinationKeyId: keyId }))).rejects.toMatchObject({ name: 'DisabledException' });
    const opened = await vault.send(new DecryptCommand({ CiphertextBlob: reEncrypted.CiphertextBlob }));
    expect(bytesOf(opened.Plaintext)).toEqual(old.plaintext);
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

  it('refuses key administration (beyond rotating) to the payment vault and ReEncrypt to the ops identity, with 403 AccessDeniedException', async () => {
    const call = async (identity: string, target: string) => {
      const client = new ServiceClient({ name: 'kms', baseUrl: kms.url }, loadTlsIdentity(tlsDir, identity));
      try {
        const response = await client.request({ method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${target}` } });
        return { status: response.status, type: (JSON.parse(response.body.toString('utf8')) as { __type: string }).__type };
      } finally {
        client.close();
      }
    };
    const denied = { status: 403, type: 'AccessDeniedException' };
    for (const target of ['DisableKeyVersion', 'EnableKeyRotation', 'DisableKeyRotation', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKey', 'DisableKey']) {
      expect(await call('payment-vault', target)).toEqual(denied);
    }
    expect(await call('ops', 'ReEncrypt')).toEqual(denied);
    expect(await call('ops', 'GenerateDataKeyWithoutPlaintext')).toEqual(denied);
  });

  it('ListKeyRotations lists on-demand and automatic rotations oldest first, page by page, and the vault may rotate its key', async () => {
    const keyId = await createKey();
    await expect(ops.send(new ListKeyRotationsCommand({ KeyId: keyId }))).resolves.toMatchObject({ Rotations: [], Truncated: false });

    // The vault's own request, as an admin's "Rotate now" reaches it through the gateway.
    await expect(vault.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).resolves.toMatchObject({ KeyId: keyId });
    await ops.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));
    offsetMs += 91 * DAY_MS;
    await rotationPassAfterClockMove();
    await ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));

    const { Rotations, Truncated } = await vault.send(new ListKeyRotationsCommand({ KeyId: keyId }));
    expect(Truncated).toBe(false);
    expect(Rotations?.map((rotation) => rotation.RotationType)).toEqual(['ON_DEMAND', 'AUTOMATIC', 'ON_DEMAND']);
    for (const rotation of Rotations!) expect(rotation.KeyId).toBe(keyId);
    const dates = Rotations!.map((rotation) => rotation.RotationDate!.getTime());
    // The automatic one happened on the kms's clock, 91 days after the first.
    expect(dates[1] - dates[0]).toBeGreaterThanOrEqual(91 * DAY_MS);
    expect(dates[2]).toBeGreaterThanOrEqual(dates[1]);
    const current = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.CurrentKeyMaterialId;
    expect(Rotations![2].KeyMaterialId).toBe(current);
    expect(new Set(Rotations!.map((rotation) => rotation.KeyMaterialId)).size).toBe(3);

    const first = await ops.send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 2 }));
    expect(first).toMatchObject({ Truncated: true, NextMarker: expect.any(String) });
    const rest = await ops.send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker }));
    expect(rest.Truncated).toBe(false);
    expect(rest.NextMarker).toBeUndefined();
    expect([...first.Rotations!, ...rest.Rotations!]).toEqual(Rotations);

    await expect(ops.send(new ListKeyRotationsCommand({ KeyId: keyId, Marker: 'not-a-marker' }))).rejects.toBeInstanceOf(InvalidMarkerException);
    await expect(ops.send(new ListKeyRotationsCommand({ KeyId: keyId, Limit: 0 }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(ops.send(new ListKeyRotationsCommand({ KeyId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('ScheduleKeyDeletion refuses every use of the key until CancelKeyDeletion (Disabled) and EnableKey', async () => {
    const keyId = await createKey();
    const arn = `arn:aws:kms:us-east-1:000000000000:key/${keyId}`;
    const other = await createKey();
    const underKey = await wrappedDataKey(keyId);
    const underOther = await wrappedDataKey(other);
    await ops.send(new EnableKeyRotationCommand({ KeyId: keyId, RotationPeriodInDays: 90 }));

    const scheduled = await ops.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyId: arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(Math.abs(scheduled.DeletionDate!.getTime() - (clock().getTime() + 7 * DAY_MS))).toBeLessThan(60_000);
    const described = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect(described).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: scheduled.DeletionDate, PendingDeletionWindowInDays: 7 });

    const pending = KMSInvalidStateException;
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }))).rejects.toBeInstanceOf(pending);
    await expect(vault.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }))).rejects.toBeInstanceOf(pending);
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: underKey.CiphertextBlob }))).rejects.toBeInstanceOf(pending);
    await expect(vault.send(new ReEncryptCommand({ CiphertextBlob: underKey.CiphertextBlob, DestinationKeyId: other }))).rejects.toBeInstanceOf(pending);
    await expect(vault.send(new ReEncryptCommand({ CiphertextBlob: underOther.CiphertextBlob, DestinationKeyId: keyId }))).rejects.toBeInstanceOf(pending);
    // Nobody may call Encrypt over the wire (allow-list), so its refusal is checked on the service behind it.
    await expect(kms.app.get(DataKeysService).encrypt(keyId, Buffer.from('x'))).rejects.toMatchObject({ code: 'KMSInvalidStateException' });
    await expect(ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(pending);
    await expect(ops.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(pending);
    await expect(ops.send(new EnableKeyCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(pending);
    // The other key is untouched.
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: underOther.CiphertextBlob }))).resolves.toMatchObject({ KeyMaterialId: expect.any(String) });

    // Past the deletion date and a rotation date: a pending key is neither rotated nor destroyed by this emulator.
    offsetMs += 91 * DAY_MS;
    await rotationPassAfterClockMove();
    expect(await rotationsOf(keyId)).toEqual([]);
    expect((await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyState).toBe('PendingDeletion');

    await expect(ops.send(new CancelKeyDeletionCommand({ KeyId: keyId }))).resolves.toMatchObject({ KeyId: arn });
    const cancelled = (await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
    expect(cancelled).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(cancelled.DeletionDate).toBeUndefined();
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: underKey.CiphertextBlob }))).rejects.toBeInstanceOf(DisabledException);
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }))).rejects.toBeInstanceOf(DisabledException);
    await expect(ops.send(new CancelKeyDeletionCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(pending);

    await ops.send(new EnableKeyCommand({ KeyId: keyId }));
    expect((await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
    const opened = await vault.send(new DecryptCommand({ CiphertextBlob: underKey.CiphertextBlob }));
    expect(bytesOf(opened.Plaintext)).toEqual(underKey.plaintext);
    await expect(vault.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }))).resolves.toMatchObject({ KeyId: arn });
    // Enabled again and long overdue, it rotates at the next pass, as AWS does with a re-enabled key.
    await rotationPassAfterClockMove();
    expect((await rotationsOf(keyId)).map((rotation) => rotation.RotationType)).toEqual(['AUTOMATIC']);
  });

  it('DisableKey refuses use with DisabledException and EnableKey restores it', async () => {
    const keyId = await createKey();
    const wrapped = await wrappedDataKey(keyId);
    await ops.send(new DisableKeyCommand({ KeyId: keyId }));
    await expect(vault.send(new DecryptCommand({ CiphertextBlob: wrapped.CiphertextBlob }))).rejects.toBeInstanceOf(DisabledException);
    await expect(ops.send(new RotateKeyOnDemandCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(DisabledException);
    await ops.send(new EnableKeyCommand({ KeyId: keyId }));
    expect(bytesOf((await vault.send(new DecryptCommand({ CiphertextBlob: wrapped.CiphertextBlob }))).Plaintext)).toEqual(wrapped.plaintext);
  });

  it('refuses an out-of-range or malformed deletion request, or an unknown key, with 400 and the AWS error name', async () => {
    const keyId = await createKey();
    for (const PendingWindowInDays of [6, 31, 7.5, 0]) {
      await expect(ops.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays }))).rejects.toMatchObject({
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    for (const body of [{ KeyId: keyId, PendingWindowInDays: '30' }, { KeyId: 5 }, {}]) {
      expect(await opsCall('ScheduleKeyDeletion', body)).toMatchObject({ status: 400, json: { __type: 'ValidationException' } });
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(ops.send(new ScheduleKeyDeletionCommand({ KeyId: unknown }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(ops.send(new CancelKeyDeletionCommand({ KeyId: unknown }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(ops.send(new EnableKeyCommand({ KeyId: unknown }))).rejects.toBeInstanceOf(NotFoundException);
    // ScheduleKeyDeletion names a key by id or ARN only, never by alias.
    await expect(ops.send(new ScheduleKeyDeletionCommand({ KeyId: VAULT_ALIAS }))).rejects.toBeInstanceOf(NotFoundException);
    // Nothing refused changed the key, nor the vault's.
    expect((await vault.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyState).toBe('Enabled');
    expect((await vault.send(new DescribeKeyCommand({ KeyId: VAULT_ALIAS }))).KeyMetadata!.KeyState).toBe('Enabled');

    const defaulted = await ops.send(new ScheduleKeyDeletionCommand({ KeyId: keyId }));
    expect(defaulted.PendingWindowInDays).toBe(30);
  });
});
