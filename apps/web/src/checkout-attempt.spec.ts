import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api/errors';
import { CheckoutAttempt, outcomeUnknown } from './checkout-attempt';

const card = { cardToken: 'tok_1', brand: 'visa', last4: '4242' };

function counterKeys(): () => string {
  let n = 0;
  return () => `key-${++n}`;
}

describe('CheckoutAttempt', () => {
  it('keeps one idempotency key for the whole attempt', () => {
    const attempt = new CheckoutAttempt(counterKeys());
    expect(attempt.idempotencyKey()).toBe('key-1');
    expect(attempt.idempotencyKey()).toBe('key-1');
  });

  it('reuses the key and card after a network failure', () => {
    const attempt = new CheckoutAttempt(counterKeys());
    attempt.useCard(card);
    expect(attempt.settleFailure(new NetworkError())).toBe(true);
    expect(attempt.isPending).toBe(true);
    expect(attempt.card).toEqual(card);
    expect(attempt.idempotencyKey()).toBe('key-1');
  });

  it('reuses the key after a server error, whose outcome is unknown', () => {
    const attempt = new CheckoutAttempt(counterKeys());
    attempt.useCard(card);
    expect(attempt.settleFailure(new ApiError(502, 'HTTP_502', 'Bad gateway'))).toBe(true);
    expect(attempt.idempotencyKey()).toBe('key-1');
  });

  it('starts a new attempt after a decline', () => {
    const attempt = new CheckoutAttempt(counterKeys());
    attempt.useCard(card);
    expect(attempt.settleFailure(new ApiError(402, 'CARD_DECLINED', 'Declined'))).toBe(false);
    expect(attempt.isPending).toBe(false);
    expect(attempt.card).toBeNull();
    expect(attempt.idempotencyKey()).toBe('key-2');
  });
});

describe('outcomeUnknown', () => {
  it('releases the attempt only on a definite refusal', () => {
    expect(outcomeUnknown(new ApiError(400, 'INVALID_CARD', ''))).toBe(false);
    expect(outcomeUnknown(new ApiError(409, 'OUT_OF_STOCK', ''))).toBe(false);
    expect(outcomeUnknown(new ApiError(429, 'RATE_LIMITED', ''))).toBe(true);
    expect(outcomeUnknown(new ApiError(500, 'INTERNAL', ''))).toBe(true);
    expect(outcomeUnknown(new TypeError('boom'))).toBe(true);
  });
});
