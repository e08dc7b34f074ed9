import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { SeedProduct } from './products.seed';

// An arbitrary constant: one advisory lock so that two catalog processes starting together seed once.
const SEED_LOCK = 7_302_002;

@Injectable()
export class SeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts the products only when the table is empty; returns how many were inserted. */
  insertIfEmpty(products: readonly SeedProduct[]): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if ((await tx.product.count()) > 0) return 0;
      const { count } = await tx.product.createMany({ data: products.map((product) => ({ ...product, currency: 'USD' })) });
      return count;
    });
  }
}
