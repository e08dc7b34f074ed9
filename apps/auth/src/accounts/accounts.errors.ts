import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum AccountsError {
  EmailTaken = 'EMAIL_TAKEN',
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
}

export const ACCOUNTS_STATUS: Record<AccountsError, HttpStatus> = {
  [AccountsError.EmailTaken]: HttpStatus.CONFLICT,
  [AccountsError.AccountNotFound]: HttpStatus.NOT_FOUND,
};

export const accountsError = domainErrorFactory(ACCOUNTS_STATUS);
