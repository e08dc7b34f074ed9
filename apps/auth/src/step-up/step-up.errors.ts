import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum StepUpError {
  MfaNotEnrolled = 'MFA_NOT_ENROLLED',
  TotpNotEnrolled = 'TOTP_NOT_ENROLLED',
  PasskeyNotEnrolled = 'PASSKEY_NOT_ENROLLED',
  PasskeyRefused = 'PASSKEY_STEP_UP_FAILED',
}

export const STEP_UP_STATUS: Record<StepUpError, HttpStatus> = {
  // The caller is signed in and the request is fine; the account is not in a state to answer it.
  [StepUpError.MfaNotEnrolled]: HttpStatus.CONFLICT,
  // The account has a second factor, just not this one: the other one answers.
  [StepUpError.TotpNotEnrolled]: HttpStatus.CONFLICT,
  [StepUpError.PasskeyNotEnrolled]: HttpStatus.CONFLICT,
  // As a wrong code (MFA_CODE_INVALID): the proof itself was refused.
  [StepUpError.PasskeyRefused]: HttpStatus.UNAUTHORIZED,
};

export const stepUpError = domainErrorFactory(STEP_UP_STATUS);
