import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum CartError {
  ProductNotFound = 'PRODUCT_NOT_FOUND',
  CartFull = 'CART_FULL',
}

export const CART_STATUS: Record<CartError, HttpStatus> = {
  [CartError.ProductNotFound]: HttpStatus.NOT_FOUND,
  [CartError.CartFull]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export const cartError = domainErrorFactory(CART_STATUS);
