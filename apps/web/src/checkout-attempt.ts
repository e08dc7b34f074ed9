import { ApiError, NetworkError } from './api/errors';
import type { CardToken } from './api/payments';

/**
 * One checkout attempt: the Idempotency-Key and the tokenized card that go with it.
 *
 * If placing the order fails in a way that leaves the outcome unknown (network drop, 5xx),
 * the attempt is kept, so pressing "Place order" again resends the same key and the server
 * can answer with the first result instead of charging twice. Once the server has clearly
 * said no (a decline, a bad card, out of stock), the attempt is dropped and the next one
 * starts fresh.
 */
export class CheckoutAttempt {
  private key: string | null = null;
  private tokenizedCard: CardToken | null = null;

  constructor(private readonly newKey: () => string) {}

  idempotencyKey(): string {
    this.key ??= this.newKey();
    return this.key;
  }

  get card(): CardToken | null {
    return this.tokenizedCard;
  }

  useCard(card: CardToken): void {
    this.tokenizedCard = card;
    this.idempotencyKey();
  }

  /** True while a previous submit's outcome is unknown and must be retried as-is. */
  get isPending(): boolean {
    return this.key !== null && this.tokenizedCard !== null;
  }

  reset(): void {
    this.key = null;
    this.tokenizedCard = null;
  }

  /** Call after placing the order failed. Returns whether the attempt is kept for a safe retry. */
  settleFailure(error: unknown): boolean {
    const keep = outcomeUnknown(error);
    if (!keep) this.reset();
    return keep;
  }
}

/**
 * Whether a failed order request might still have gone through. 401, 408 and 429 are
 * rejected before the order is processed, but keeping the key is always the safe side,
 * so only a definite 4xx refusal releases it.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || [401, 408, 429].includes(error.status);
  return true;
}
