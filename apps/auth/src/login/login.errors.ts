import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum LoginError {
  InvalidCredentials = 'INVALID_CREDENTIALS',
}

export const LOGIN_STATUS: Record<LoginError, HttpStatus> = {
  [LoginError.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
};

export const loginError = domainErrorFactory(LOGIN_STATUS);
