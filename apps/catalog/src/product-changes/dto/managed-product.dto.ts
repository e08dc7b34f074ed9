import { type ProductDto, toProductDto } from '../../products/dto/product.dto';
import type { ProductRecord } from '../../products/products.repository';

export interface ManagedProductRecord extends ProductRecord {
  archivedAt: Date | null;
}

/** A product as the catalog manager sees it: the public shape, plus whether (and since when) it is withdrawn from sale. */
export interface ManagedProductDto extends ProductDto {
  /** ISO 8601 time it was archived, or null while it is on sale. */
  archivedAt: string | null;
}

export interface ManagedProductPageDto {
  items: ManagedProductDto[];
  page: number;
  pageSize: number;
  total: number;
}

export function toManagedProductDto(product: ManagedProductRecord): ManagedProductDto {
  return { ...toProductDto(product), archivedAt: product.archivedAt?.toISOString() ?? null };
}
