import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum SignInProtectionError {
  AccountLocked = 'ACCOUNT_LOCKED',
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
}

export const SIGN_IN_PROTECTION_STATUS: Record<SignInProtectionError, HttpStatus> = {
  [SignInProtectionError.AccountLocked]: HttpStatus.LOCKED,
  [SignInProtectionError.AccountNotFound]: HttpStatus.NOT_FOUND,
};

export const signInProtectionError = domainErrorFactory(SIGN_IN_PROTECTION_STATUS);
