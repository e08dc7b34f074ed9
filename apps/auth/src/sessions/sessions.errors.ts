import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum SessionsError {
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionEnded = 'SESSION_ENDED',
}

export const SESSIONS_STATUS: Record<SessionsError, HttpStatus> = {
  [SessionsError.RefreshTokenInvalid]: HttpStatus.UNAUTHORIZED,
  [SessionsError.RefreshTokenReused]: HttpStatus.UNAUTHORIZED,
  [SessionsError.SessionNotFound]: HttpStatus.NOT_FOUND,
  [SessionsError.SessionEnded]: HttpStatus.UNAUTHORIZED,
};

export const sessionsError = domainErrorFactory(SESSIONS_STATUS);
