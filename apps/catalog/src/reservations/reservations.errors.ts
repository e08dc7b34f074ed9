import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ReservationsError {
  OutOfStock = 'OUT_OF_STOCK',
  ProductNotFound = 'PRODUCT_NOT_FOUND',
  ProductArchived = 'PRODUCT_ARCHIVED',
  ReservationReleased = 'RESERVATION_RELEASED',
  CurrencyMismatch = 'CURRENCY_MISMATCH',
}

export const RESERVATIONS_STATUS: Record<ReservationsError, HttpStatus> = {
  [ReservationsError.OutOfStock]: HttpStatus.CONFLICT,
  [ReservationsError.ProductNotFound]: HttpStatus.NOT_FOUND,
  // The product exists but was withdrawn from sale (a cart can still hold it): a conflict with the catalog's state, not a bad id.
  [ReservationsError.ProductArchived]: HttpStatus.CONFLICT,
  [ReservationsError.ReservationReleased]: HttpStatus.CONFLICT,
  [ReservationsError.CurrencyMismatch]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export const reservationsError = domainErrorFactory(RESERVATIONS_STATUS);
