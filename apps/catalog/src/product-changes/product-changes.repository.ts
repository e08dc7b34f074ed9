import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { PRODUCT_FIELDS, PRODUCT_ORDER, type ProductRecord, type ProductSearch, productSearchWhere } from '../products/products.repository';
import type { CreateProductDto } from './dto/create-product.dto';
import type { ManagedProductRecord } from './dto/managed-product.dto';
import type { ProductChange } from './dto/update-product.dto';

const MANAGED_PRODUCT_FIELDS = { ...PRODUCT_FIELDS, archivedAt: true } as const;

@Injectable()
export class ProductChangesRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(product: CreateProductDto): Promise<ProductRecord> {
    return this.prisma.product.create({ data: { ...product, currency: 'USD' }, select: PRODUCT_FIELDS });
  }

  /** The product after the change, or null when no product has this id. */
  async update(id: string, change: ProductChange): Promise<ProductRecord | null> {
    const { count } = await this.prisma.product.updateMany({ where: { id }, data: change });
    if (count === 0) return null;
    return this.prisma.product.findUnique({ where: { id }, select: PRODUCT_FIELDS });
  }

  /** The manager's list: the public search, archived products included. */
  async list(search: Omit<ProductSearch, 'includeArchived'>): Promise<{ rows: ManagedProductRecord[]; total: number }> {
    const where = productSearchWhere({ ...search, includeArchived: true });
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.product.findMany({ where, select: MANAGED_PRODUCT_FIELDS, orderBy: PRODUCT_ORDER, skip: search.skip, take: search.take }),
      this.prisma.product.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Archives (or restores) a product. Conditional on the current state, so a
   * repeat changes nothing and keeps the first archive time; `changed` says
   * whether this call did it. Null when no product has this id.
   */
  async setArchived(id: string, archived: boolean): Promise<{ product: ManagedProductRecord; changed: boolean } | null> {
    const { count } = await this.prisma.product.updateMany({
      where: { id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    const product = await this.prisma.product.findUnique({ where: { id }, select: MANAGED_PRODUCT_FIELDS });
    return product ? { product, changed: count > 0 } : null;
  }
}
