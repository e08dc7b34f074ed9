import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export interface ProductRecord {
  id: string;
  name: string;
  description: string;
  category: string;
  priceCents: number;
  currency: string;
  stock: number;
}

export interface ProductSearch {
  q?: string;
  category?: string;
  skip: number;
  take: number;
  /** Only the catalog manager's list shows archived products; every public read is for products on sale. */
  includeArchived?: boolean;
}

/** Products on sale: an archived product answers like a missing one everywhere the public looks. */
export const ON_SALE = { archivedAt: null } as const;

/**
 * Prisma's `contains` (and insensitive `equals`) compile to ILIKE but do not
 * escape LIKE wildcards, so a search for "%" would match everything. Backslash is
 * PostgreSQL's default LIKE escape character.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Name, then id: a stable order for paging (also the catalog manager's list). */
export const PRODUCT_ORDER: Prisma.ProductOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];

/**
 * Prisma sends `q` as a bound parameter of an ILIKE (mode: insensitive), so
 * user text never becomes SQL.
 */
export function productSearchWhere({ q: rawQ, category, includeArchived = false }: Omit<ProductSearch, 'skip' | 'take'>): Prisma.ProductWhereInput {
  const q = rawQ === undefined ? undefined : escapeLikePattern(rawQ);
  return {
    AND: [
      q
        ? {
            OR: [
              { name: { contains: q, mode: 'insensitive' } },
              { description: { contains: q, mode: 'insensitive' } },
              { category: { contains: q, mode: 'insensitive' } },
            ],
          }
        : {},
      // Insensitive `equals` is also an ILIKE, so it needs the same escaping.
      category ? { category: { equals: escapeLikePattern(category), mode: 'insensitive' } } : {},
      includeArchived ? {} : ON_SALE,
    ],
  };
}

/** The columns a ProductRecord carries (also selected by catalog changes). */
export const PRODUCT_FIELDS = { id: true, name: true, description: true, category: true, priceCents: true, currency: true, stock: true } as const;

@Injectable()
export class ProductsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Products on sale matching the search, one page of them and how many there are in all. */
  async search(query: ProductSearch): Promise<{ rows: ProductRecord[]; total: number }> {
    const where = productSearchWhere(query);
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.product.findMany({ where, select: PRODUCT_FIELDS, orderBy: PRODUCT_ORDER, skip: query.skip, take: query.take }),
      this.prisma.product.count({ where }),
    ]);
    return { rows, total };
  }

  /** A product on sale, or null when none has this id or it is archived. */
  findById(id: string): Promise<ProductRecord | null> {
    return this.prisma.product.findFirst({ where: { id, ...ON_SALE }, select: PRODUCT_FIELDS });
  }
}
