import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum AccessReviewError {
  ReviewNotFound = 'ACCESS_REVIEW_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  RoleNotGrantable = 'ROLE_NOT_GRANTABLE',
  RoleAlreadyGranted = 'ROLE_ALREADY_GRANTED',
  GrantNotFound = 'GRANT_NOT_FOUND',
  QueueUnavailable = 'ACCESS_REVIEW_QUEUE_UNAVAILABLE',
}

export const ACCESS_REVIEW_STATUS: Record<AccessReviewError, HttpStatus> = {
  [AccessReviewError.ReviewNotFound]: HttpStatus.NOT_FOUND,
  [AccessReviewError.UserNotFound]: HttpStatus.NOT_FOUND,
  [AccessReviewError.RoleNotGrantable]: HttpStatus.BAD_REQUEST,
  [AccessReviewError.RoleAlreadyGranted]: HttpStatus.CONFLICT,
  [AccessReviewError.GrantNotFound]: HttpStatus.NOT_FOUND,
  [AccessReviewError.QueueUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const accessReviewError = domainErrorFactory(ACCESS_REVIEW_STATUS);
