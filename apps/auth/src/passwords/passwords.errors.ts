import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum PasswordsError {
  PasswordBreached = 'PASSWORD_BREACHED',
  PasswordLength = 'PASSWORD_LENGTH',
}

export const PASSWORDS_STATUS: Record<PasswordsError, HttpStatus> = {
  [PasswordsError.PasswordBreached]: HttpStatus.BAD_REQUEST,
  [PasswordsError.PasswordLength]: HttpStatus.BAD_REQUEST,
};

export const passwordsError = domainErrorFactory(PASSWORDS_STATUS);
