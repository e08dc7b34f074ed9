import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ProductSearch } from '../products.repository';

export const MAX_PAGE_SIZE = 48;
export const DEFAULT_PAGE_SIZE = 12;
// Deep pages are only useful to scrapers; the bound also keeps OFFSET cheap.
export const MAX_PAGE = 1000;

/** GET /products query. Values arrive as strings; @Type converts, then the bounds apply. */
export class SearchProductsDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

/** The repository's search for a validated query: blank text means no filter, the page becomes an offset. */
export function toProductSearch(query: SearchProductsDto): ProductSearch {
  return {
    q: query.q?.trim() || undefined,
    category: query.category?.trim() || undefined,
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  };
}
