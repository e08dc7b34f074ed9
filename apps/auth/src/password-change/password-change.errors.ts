import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum PasswordChangeError {
  CurrentPasswordIncorrect = 'CURRENT_PASSWORD_INCORRECT',
}

export const PASSWORD_CHANGE_STATUS: Record<PasswordChangeError, HttpStatus> = {
  // Not 401: the caller is signed in; the web app must not read this as an expired session.
  [PasswordChangeError.CurrentPasswordIncorrect]: HttpStatus.BAD_REQUEST,
};

export const passwordChangeError = domainErrorFactory(PASSWORD_CHANGE_STATUS);
