import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum EdgeError {
  RateLimited = 'RATE_LIMITED',
  Unavailable = 'SERVICE_UNAVAILABLE',
}

export const EDGE_STATUS: Record<EdgeError, HttpStatus> = {
  [EdgeError.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [EdgeError.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const edgeError = domainErrorFactory(EDGE_STATUS);
