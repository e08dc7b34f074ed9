import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum OrdersError {
  OrderNotFound = 'ORDER_NOT_FOUND',
  OrderNotHeld = 'ORDER_NOT_HELD',
}

export const ORDERS_STATUS: Record<OrdersError, HttpStatus> = {
  [OrdersError.OrderNotFound]: HttpStatus.NOT_FOUND,
  [OrdersError.OrderNotHeld]: HttpStatus.CONFLICT,
};

export const ordersError = domainErrorFactory(ORDERS_STATUS);
