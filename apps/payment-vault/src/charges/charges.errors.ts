import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ChargesError {
  /** Unknown token, or a token of another user: the same answer, so tokens cannot be probed. */
  CardNotFound = 'CARD_NOT_FOUND',
  CardDeclined = 'CARD_DECLINED',
  /** The order was already charged with different parameters (another card, amount or currency). */
  IdempotencyConflict = 'IDEMPOTENCY_CONFLICT',
}

export const CHARGES_STATUS: Record<ChargesError, HttpStatus> = {
  [ChargesError.CardNotFound]: HttpStatus.NOT_FOUND,
  [ChargesError.CardDeclined]: HttpStatus.PAYMENT_REQUIRED,
  [ChargesError.IdempotencyConflict]: HttpStatus.CONFLICT,
};

export const chargesError = domainErrorFactory(CHARGES_STATUS);
