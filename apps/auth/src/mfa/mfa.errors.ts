import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum MfaError {
  TotpAlreadyEnabled = 'TOTP_ALREADY_ENABLED',
  TotpNotEnrolled = 'TOTP_NOT_ENROLLED',
  TotpCodeInvalid = 'TOTP_CODE_INVALID',
  MfaTokenInvalid = 'MFA_TOKEN_INVALID',
  MfaCodeInvalid = 'MFA_CODE_INVALID',
}

export const MFA_STATUS: Record<MfaError, HttpStatus> = {
  [MfaError.TotpAlreadyEnabled]: HttpStatus.CONFLICT,
  [MfaError.TotpNotEnrolled]: HttpStatus.CONFLICT,
  // Enrollment: the caller is signed in, the code is just wrong (not an authentication failure).
  [MfaError.TotpCodeInvalid]: HttpStatus.BAD_REQUEST,
  [MfaError.MfaTokenInvalid]: HttpStatus.UNAUTHORIZED,
  [MfaError.MfaCodeInvalid]: HttpStatus.UNAUTHORIZED,
};

export const mfaError = domainErrorFactory(MFA_STATUS);
