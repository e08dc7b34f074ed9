import { CheckoutError, checkoutError } from './checkout.errors';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** The Idempotency-Key header: required on checkout, 8–128 characters of [A-Za-z0-9_-]. */
export function parseIdempotencyKey(header: string | string[] | undefined): string {
  if (header === undefined || header === '') {
    throw checkoutError(CheckoutError.IdempotencyKeyRequired, 'Send an Idempotency-Key header so a retried checkout cannot charge twice.');
  }
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw checkoutError(CheckoutError.IdempotencyKeyInvalid, 'The Idempotency-Key header must be 8 to 128 characters of A-Z, a-z, 0-9, _ or -.');
  }
  return header;
}
