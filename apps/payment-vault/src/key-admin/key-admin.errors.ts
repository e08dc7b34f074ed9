import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum KeyAdminError {
  /** The KMS does not let the vault rotate its master key (its per-operation allow-list). */
  RotationRefused = 'KEY_ROTATION_REFUSED',
  /** The KMS allows no more on-demand rotations of this key for now. */
  RotationLimitReached = 'KEY_ROTATION_LIMIT_REACHED',
  /** The KMS is busy rotating this key already. */
  RotationInProgress = 'KEY_ROTATION_IN_PROGRESS',
  KmsUnavailable = 'SERVICE_UNAVAILABLE',
}

export const KEY_ADMIN_STATUS: Record<KeyAdminError, HttpStatus> = {
  // Not the admin's doing: the deployment has not granted the vault this operation.
  [KeyAdminError.RotationRefused]: HttpStatus.SERVICE_UNAVAILABLE,
  [KeyAdminError.RotationLimitReached]: HttpStatus.TOO_MANY_REQUESTS,
  [KeyAdminError.RotationInProgress]: HttpStatus.CONFLICT,
  [KeyAdminError.KmsUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const keyAdminError = domainErrorFactory(KEY_ADMIN_STATUS);
