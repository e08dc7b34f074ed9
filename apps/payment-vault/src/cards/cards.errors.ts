import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum CardsError {
  InvalidCard = 'INVALID_CARD',
  CardExpired = 'CARD_EXPIRED',
  /** No valid gateway-signed x-storefront-assertion for this route. */
  Unauthenticated = 'UNAUTHENTICATED',
}

export const CARDS_STATUS: Record<CardsError, HttpStatus> = {
  [CardsError.InvalidCard]: HttpStatus.BAD_REQUEST,
  [CardsError.CardExpired]: HttpStatus.BAD_REQUEST,
  [CardsError.Unauthenticated]: HttpStatus.UNAUTHORIZED,
};

export const cardsError = domainErrorFactory(CARDS_STATUS);
