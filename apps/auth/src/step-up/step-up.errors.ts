import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum StepUpError {
  MfaNotEnrolled = 'MFA_NOT_ENROLLED',
}

export const STEP_UP_STATUS: Record<StepUpError, HttpStatus> = {
  // The caller is signed in and the request is fine; the account is not in a state to answer it.
  [StepUpError.MfaNotEnrolled]: HttpStatus.CONFLICT,
};

export const stepUpError = domainErrorFactory(STEP_UP_STATUS);
