import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

/**
 * Error codes of the KMS emulator. Unlike the rest of the platform these are
 * AWS's exception names (not UPPER_SNAKE), because @aws-sdk/client-kms turns
 * the `__type` of an error body into the exception class the caller catches.
 */
export enum KmsErrorCode {
  NotFound = 'NotFoundException',
  Validation = 'ValidationException',
  InvalidCiphertext = 'InvalidCiphertextException',
  IncorrectKey = 'IncorrectKeyException',
  AlreadyExists = 'AlreadyExistsException',
  InvalidAliasName = 'InvalidAliasNameException',
  InvalidMarker = 'InvalidMarkerException',
  UnsupportedOperation = 'UnsupportedOperationException',
  UnknownOperation = 'UnknownOperationException',
  AccessDenied = 'AccessDeniedException',
  /** The key is disabled (DisableKey), or the key version a ciphertext names was (emulator extension DisableKeyVersion). */
  Disabled = 'DisabledException',
  /** The request conflicts with the key's state: the key is pending deletion, or the version to disable is the current one. */
  InvalidState = 'KMSInvalidStateException',
  Internal = 'KMSInternalException',
}

// AWS answers client errors with 400 (the type is in the body), and its own failures with 500. AccessDenied is
// 403 instead, as every refused caller is across this project; the SDK picks the exception by its type, not the status.
export const KMS_ERROR_STATUS: Record<KmsErrorCode, HttpStatus> = {
  [KmsErrorCode.NotFound]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.Validation]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.InvalidCiphertext]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.IncorrectKey]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.AlreadyExists]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.InvalidAliasName]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.InvalidMarker]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.UnsupportedOperation]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.UnknownOperation]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.AccessDenied]: HttpStatus.FORBIDDEN,
  [KmsErrorCode.Disabled]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.InvalidState]: HttpStatus.BAD_REQUEST,
  [KmsErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export const kmsError = domainErrorFactory(KMS_ERROR_STATUS);

export function isKmsErrorCode(code: string): code is KmsErrorCode {
  return (Object.values(KmsErrorCode) as string[]).includes(code);
}
