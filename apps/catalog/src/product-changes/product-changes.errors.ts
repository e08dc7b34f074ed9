import { HttpStatus } from '@nestjs/common';
import { domainErrorFactory } from '@storefront/platform/http';

export enum ProductChangesError {
  ProductNotFound = 'PRODUCT_NOT_FOUND',
  ChangeEmpty = 'PRODUCT_CHANGE_EMPTY',
}

export const PRODUCT_CHANGES_STATUS: Record<ProductChangesError, HttpStatus> = {
  [ProductChangesError.ProductNotFound]: HttpStatus.NOT_FOUND,
  [ProductChangesError.ChangeEmpty]: HttpStatus.BAD_REQUEST,
};

export const productChangesError = domainErrorFactory(PRODUCT_CHANGES_STATUS);
