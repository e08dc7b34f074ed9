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
}

/**
 * Prisma's `contains` (and insensitive `equals`) compile to ILIKE but do not
 * escape LIKE wildcards, so a search for "%" would match everything. Backslash is
 * PostgreSQL's default LIKE escape character.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The columns a ProductRecord carries (also selected by catalog changes). */
export const PRODUCT_FIELDS = { id: true, name: true, description: true, category: true, priceCents: true, currency: true, stock: true } as const;

@Injectable()
export class ProductsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Prisma sends `q` as a bound parameter of an ILIKE (mode: insensitive), so
   * user text never becomes SQL. Ordered by name, then id, so pages are stable.
   */
  async search({ q: rawQ, category, skip, take }: ProductSearch): Promise<{ rows: ProductRecord[]; total: number }> {
    const q = rawQ === undefined ? undefined : escapeLikePattern(rawQ);
    const where: Prisma.ProductWhereInput = {
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
      ],
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.product.findMany({ where, select: PRODUCT_FIELDS, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.product.count({ where }),
    ]);
    return { rows, total };
  }

  findById(id: string): Promise<ProductRecord | null> {
    return this.prisma.product.findUnique({ where: { id }, select: PRODUCT_FIELDS });
  }
}
