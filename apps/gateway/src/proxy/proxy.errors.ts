import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ProxyError {
  NotFound = 'NOT_FOUND',
  InvalidPath = 'INVALID_PATH',
  Unauthenticated = 'UNAUTHENTICATED',
  OriginNotAllowed = 'ORIGIN_NOT_ALLOWED',
  CsrfRejected = 'CSRF_REJECTED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  AttackLabUnavailable = 'ATTACK_LAB_UNAVAILABLE',
}

export const PROXY_STATUS: Record<ProxyError, HttpStatus> = {
  [ProxyError.NotFound]: HttpStatus.NOT_FOUND,
  [ProxyError.InvalidPath]: HttpStatus.BAD_REQUEST,
  [ProxyError.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ProxyError.OriginNotAllowed]: HttpStatus.FORBIDDEN,
  [ProxyError.CsrfRejected]: HttpStatus.FORBIDDEN,
  [ProxyError.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ProxyError.AttackLabUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const proxyError = domainErrorFactory(PROXY_STATUS);
