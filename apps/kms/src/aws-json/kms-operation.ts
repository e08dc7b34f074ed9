/** The operations the emulator implements, by their AWS names. */
export const KMS_OPERATIONS = [
  'CreateKey',
  'DescribeKey',
  'ListKeys',
  'CreateAlias',
  'ListAliases',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'EnableKeyRotation',
  'DisableKeyRotation',
  'GetKeyRotationStatus',
  'RotateKeyOnDemand',
  'ListKeyRotations',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
  'EnableKey',
  'DisableKey',
  // EMULATOR EXTENSION, not an AWS KMS operation: disables one key version so tests can prove nothing still needs it.
  'DisableKeyVersion',
] as const;
export type KmsOperation = (typeof KMS_OPERATIONS)[number];

// "TrentService" is KMS's service name in the AWS model.
const TARGET_PREFIX = 'TrentService.';

/** The operation an X-Amz-Target header names, or undefined when it names none this emulator implements. */
export function operationFromTarget(target: string | undefined): KmsOperation | undefined {
  const name = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  return (KMS_OPERATIONS as readonly (string | undefined)[]).includes(name) ? (name as KmsOperation) : undefined;
}
