import type { ServiceIdentity } from '@storefront/platform/mtls';
import type { KmsOperation } from './kms-operation';

/** The vault's data-key operations: it wraps, unwraps and re-wraps card data keys, reads which material is current, and rotates its own key. */
const PAYMENT_VAULT = 'payment-vault' satisfies ServiceIdentity;
/** The operator's identity: key administration (create, alias, rotate, retire), never a data key or a plaintext. */
const OPS = 'ops' satisfies ServiceIdentity;

/**
 * Who may call each KMS operation: the one place the kms's least privilege is
 * declared. A Record, so a new operation without an entry fails to compile.
 * An empty list closes an operation to everyone (Encrypt: nothing in this
 * project encrypts raw data under a master key, so nobody may).
 */
export const KMS_OPERATION_ALLOW_LIST: Record<KmsOperation, readonly ServiceIdentity[]> = {
  GenerateDataKey: [PAYMENT_VAULT],
  GenerateDataKeyWithoutPlaintext: [PAYMENT_VAULT],
  Decrypt: [PAYMENT_VAULT],
  ReEncrypt: [PAYMENT_VAULT],
  // The vault compares CurrentKeyMaterialId with what it stored; the operator inspects keys.
  DescribeKey: [PAYMENT_VAULT, OPS],
  Encrypt: [],
  CreateKey: [OPS],
  ListKeys: [OPS],
  CreateAlias: [OPS],
  ListAliases: [OPS],
  EnableKeyRotation: [OPS],
  DisableKeyRotation: [OPS],
  // The vault is the card key's only user, so it may rotate that key and read its rotations: an admin's "Rotate now"
  // reaches the vault through the gateway (permission keys:rotate), and the vault asks the kms, then rewraps.
  RotateKeyOnDemand: [OPS, PAYMENT_VAULT],
  GetKeyRotationStatus: [OPS, PAYMENT_VAULT],
  ListKeyRotations: [OPS, PAYMENT_VAULT],
  // Taking a key out of use (or back) stops every card under it decrypting: the operator's decision alone.
  ScheduleKeyDeletion: [OPS],
  CancelKeyDeletion: [OPS],
  EnableKey: [OPS],
  DisableKey: [OPS],
  DisableKeyVersion: [OPS],
};

/** Every identity that may call at least one operation: the route-level allow-list of the AWS JSON endpoint. */
export const KMS_CLIENTS: readonly ServiceIdentity[] = [...new Set(Object.values(KMS_OPERATION_ALLOW_LIST).flat())];

export function mayCallOperation(identity: string | undefined, operation: KmsOperation): boolean {
  return identity !== undefined && (KMS_OPERATION_ALLOW_LIST[operation] as readonly string[]).includes(identity);
}
