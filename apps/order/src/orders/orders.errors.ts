import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum OrdersError {
  OrderNotFound = 'ORDER_NOT_FOUND',
}

export const ORDERS_STATUS: Record<OrdersError, HttpStatus> = {
  [OrdersError.OrderNotFound]: HttpStatus.NOT_FOUND,
};

export const ordersError = domainErrorFactory(ORDERS_STATUS);
