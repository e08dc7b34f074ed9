import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ReservationsError {
  OutOfStock = 'OUT_OF_STOCK',
  ProductNotFound = 'PRODUCT_NOT_FOUND',
  ReservationReleased = 'RESERVATION_RELEASED',
  CurrencyMismatch = 'CURRENCY_MISMATCH',
}

export const RESERVATIONS_STATUS: Record<ReservationsError, HttpStatus> = {
  [ReservationsError.OutOfStock]: HttpStatus.CONFLICT,
  [ReservationsError.ProductNotFound]: HttpStatus.NOT_FOUND,
  [ReservationsError.ReservationReleased]: HttpStatus.CONFLICT,
  [ReservationsError.CurrencyMismatch]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export const reservationsError = domainErrorFactory(RESERVATIONS_STATUS);
