import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { PRODUCT_FIELDS, type ProductRecord } from '../products/products.repository';
import type { CreateProductDto } from './dto/create-product.dto';
import type { ProductChange } from './dto/update-product.dto';

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
}
