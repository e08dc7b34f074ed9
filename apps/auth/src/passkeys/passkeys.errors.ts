import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum PasskeysError {
  RegistrationFailed = 'PASSKEY_REGISTRATION_FAILED',
  AlreadyRegistered = 'PASSKEY_ALREADY_REGISTERED',
  SignInFailed = 'PASSKEY_SIGN_IN_FAILED',
  PasskeyNotFound = 'PASSKEY_NOT_FOUND',
}

export const PASSKEYS_STATUS: Record<PasskeysError, HttpStatus> = {
  [PasskeysError.RegistrationFailed]: HttpStatus.BAD_REQUEST,
  [PasskeysError.AlreadyRegistered]: HttpStatus.CONFLICT,
  [PasskeysError.SignInFailed]: HttpStatus.UNAUTHORIZED,
  [PasskeysError.PasskeyNotFound]: HttpStatus.NOT_FOUND,
};

export const passkeysError = domainErrorFactory(PASSKEYS_STATUS);
