import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface CartLine {
  productId: string;
  quantity: number;
}

@Injectable()
export class CartRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Oldest change first, then by product, so the cart reads in a stable order. */
  lines(userId: string): Promise<CartLine[]> {
    return this.prisma.cartItem.findMany({
      where: { userId },
      orderBy: [{ updatedAt: 'asc' }, { productId: 'asc' }],
      select: { productId: true, quantity: true },
    });
  }

  async hasLine(userId: string, productId: string): Promise<boolean> {
    return (await this.prisma.cartItem.count({ where: { userId, productId } })) > 0;
  }

  countLines(userId: string): Promise<number> {
    return this.prisma.cartItem.count({ where: { userId } });
  }

  async setQuantity(userId: string, productId: string, quantity: number): Promise<void> {
    await this.prisma.cartItem.upsert({
      where: { userId_productId: { userId, productId } },
      create: { userId, productId, quantity },
      update: { quantity },
    });
  }

  async remove(userId: string, productIds: readonly string[]): Promise<void> {
    await this.prisma.cartItem.deleteMany({ where: { userId, productId: { in: [...productIds] } } });
  }
}
