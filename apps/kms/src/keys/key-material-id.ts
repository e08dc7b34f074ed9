import { createHash } from 'node:crypto';

/**
 * AWS names each generation of a key's material by a KeyMaterialId (64 hex
 * characters), returned by GenerateDataKey, Decrypt, ReEncrypt and
 * DescribeKey (CurrentKeyMaterialId). Callers such as the payment vault
 * store it to know which rows still need re-encrypting after a rotation.
 * Derived from key id and version so it is stable and reveals nothing.
 */
export function keyMaterialId(keyId: string, version: number): string {
  return createHash('sha256').update(`storefront-kms/key-material-id/v1/${keyId}/${version}`).digest('hex');
}
