import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum DownstreamError {
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export const DOWNSTREAM_STATUS: Record<DownstreamError, HttpStatus> = {
  [DownstreamError.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const downstreamError = domainErrorFactory(DOWNSTREAM_STATUS);
