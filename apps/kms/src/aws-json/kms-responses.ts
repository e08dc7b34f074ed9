import type { Alias, Key, KeyVersion } from '../generated/prisma/client';
import { keyMaterialId } from '../keys/key-material-id';
import { aliasArn, KMS_ACCOUNT_ID, keyArn } from '../keys/kms-arn';

/** AWS JSON 1.1 timestamps are epoch seconds (fractional allowed). */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** Base64 for the wire, then zero the source: used for plaintext key material in responses. */
export function base64AndZero(bytes: Buffer): string {
  const text = bytes.toString('base64');
  bytes.fill(0);
  return text;
}

export function keyMetadata(key: Key) {
  return {
    AWSAccountId: KMS_ACCOUNT_ID,
    KeyId: key.id,
    Arn: keyArn(key.id),
    CreationDate: epochSeconds(key.createdAt),
    Enabled: key.keyState === 'Enabled',
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.keyState,
    ...(key.deletionDate ? { DeletionDate: epochSeconds(key.deletionDate), PendingDeletionWindowInDays: key.pendingWindowDays ?? undefined } : {}),
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
    // Which material new encryptions use: a caller compares it with what it stored to find data still under an older version.
    CurrentKeyMaterialId: keyMaterialId(key.id, key.currentVersion),
  };
}

export function keyListEntry(key: Key) {
  return { KeyId: key.id, KeyArn: keyArn(key.id) };
}

/** One ListKeyRotations entry: a version after the first. RotationType is absent for versions made before it was recorded. */
export function rotationListEntry(version: KeyVersion) {
  return {
    KeyId: version.keyId,
    KeyMaterialId: keyMaterialId(version.keyId, version.version),
    RotationDate: epochSeconds(version.createdAt),
    RotationType: version.rotationType ?? undefined,
  };
}

export function aliasListEntry(alias: Alias) {
  return {
    AliasName: alias.name,
    AliasArn: aliasArn(alias.name),
    TargetKeyId: alias.targetKeyId,
    CreationDate: epochSeconds(alias.createdAt),
    LastUpdatedDate: epochSeconds(alias.updatedAt),
  };
}

/** The paging members AWS list operations return. */
export function paging(nextMarker: string | undefined) {
  return nextMarker === undefined ? { Truncated: false } : { Truncated: true, NextMarker: nextMarker };
}
