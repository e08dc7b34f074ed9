import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum RewrapError {
  /** The vault zone's Redis (the rewrap queue) does not answer; charges are unaffected. */
  QueueUnavailable = 'SERVICE_UNAVAILABLE',
}

export const rewrapError = domainErrorFactory({ [RewrapError.QueueUnavailable]: HttpStatus.SERVICE_UNAVAILABLE });
