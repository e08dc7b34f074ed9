import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum EdgeError {
  RateLimited = 'RATE_LIMITED',
}

export const EDGE_STATUS: Record<EdgeError, HttpStatus> = {
  [EdgeError.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
};

export const edgeError = domainErrorFactory(EDGE_STATUS);
