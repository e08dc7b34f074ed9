import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ProductsError {
  ProductNotFound = 'PRODUCT_NOT_FOUND',
}

export const PRODUCTS_STATUS: Record<ProductsError, HttpStatus> = {
  [ProductsError.ProductNotFound]: HttpStatus.NOT_FOUND,
};

export const productsError = domainErrorFactory(PRODUCTS_STATUS);
