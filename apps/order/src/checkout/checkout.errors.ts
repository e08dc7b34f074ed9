import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum CheckoutError {
  IdempotencyKeyRequired = 'IDEMPOTENCY_KEY_REQUIRED',
  IdempotencyKeyInvalid = 'IDEMPOTENCY_KEY_INVALID',
  IdempotencyInProgress = 'IDEMPOTENCY_IN_PROGRESS',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  CartEmpty = 'CART_EMPTY',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

export const CHECKOUT_STATUS: Record<CheckoutError, HttpStatus> = {
  [CheckoutError.IdempotencyKeyRequired]: HttpStatus.BAD_REQUEST,
  [CheckoutError.IdempotencyKeyInvalid]: HttpStatus.BAD_REQUEST,
  [CheckoutError.IdempotencyInProgress]: HttpStatus.CONFLICT,
  [CheckoutError.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CheckoutError.CartEmpty]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CheckoutError.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const checkoutError = domainErrorFactory(CHECKOUT_STATUS);
