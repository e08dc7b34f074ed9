import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum CardsError {
  InvalidCard = 'INVALID_CARD',
  CardExpired = 'CARD_EXPIRED',
  /** No trustworthy x-storefront-user header from the gateway. */
  Unauthenticated = 'UNAUTHENTICATED',
}

export const CARDS_STATUS: Record<CardsError, HttpStatus> = {
  [CardsError.InvalidCard]: HttpStatus.BAD_REQUEST,
  [CardsError.CardExpired]: HttpStatus.BAD_REQUEST,
  [CardsError.Unauthenticated]: HttpStatus.UNAUTHORIZED,
};

export const cardsError = domainErrorFactory(CARDS_STATUS);
