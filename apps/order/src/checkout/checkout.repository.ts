import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/unique-violation';
import type { Prisma } from '../generated/prisma/client';
import type { OrderDto } from '../orders/dto/order.dto';

export interface CheckoutLine {
  productId: string;
  quantity: number;
}

export interface IdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  state: 'in_progress' | 'completed';
  orderId: string;
  items: CheckoutLine[];
  response: OrderDto | null;
}

export interface NewRecord {
  userId: string;
  key: string;
  requestHash: string;
  orderId: string;
  items: CheckoutLine[];
  leaseExpiresAt: Date;
}

export interface PlacedOrder {
  userId: string;
  key: string;
  order: OrderDto;
  chargeId: string;
  createdAt: Date;
}

@Injectable()
export class CheckoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.prisma.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
    if (!row) return null;
    // Both JSON columns are written only by this repository, from typed values.
    return { ...row, items: row.items as unknown as CheckoutLine[], response: row.response as unknown as OrderDto | null };
  }

  /** False when a record with this (user, key) already exists: the primary key decides races. */
  async create(record: NewRecord): Promise<boolean> {
    try {
      await this.prisma.idempotencyRecord.create({
        data: { ...record, state: 'in_progress', items: record.items as unknown as Prisma.InputJsonValue },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Takes over an unfinished record whose lease is free (released after an
   * outage, or expired after a crash). One conditional UPDATE, so of two
   * concurrent retries exactly one wins; the row lock makes the loser
   * re-check the lease the winner just set.
   */
  async claimLease(userId: string, key: string, now: Date, until: Date): Promise<boolean> {
    const claimed = await this.prisma.$executeRaw`
      UPDATE "idempotency_record" SET "lease_expires_at" = ${until}, "updated_at" = now()
      WHERE "user_id" = ${userId}::uuid AND "key" = ${key} AND "state" = 'in_progress'
        AND ("lease_expires_at" IS NULL OR "lease_expires_at" < ${now})`;
    return claimed === 1;
  }

  /** Leaves the record unfinished but resumable: a retry with the same key may continue it. */
  async releaseLease(userId: string, key: string, orderId: string): Promise<void> {
    await this.prisma.idempotencyRecord.updateMany({ where: { userId, key, orderId, state: 'in_progress' }, data: { leaseExpiresAt: null } });
  }

  /** Forgets an attempt that definitely did nothing (refused before or at the charge); the key may be used again. */
  async delete(userId: string, key: string, orderId: string): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { userId, key, orderId, state: 'in_progress' } });
  }

  /**
   * The paid order, its lines, the emptied cart lines and the completed
   * record with its replayable response: all in one transaction, so an order
   * exists exactly when its key says "completed".
   */
  async placeOrder({ userId, key, order, chargeId, createdAt }: PlacedOrder): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.create({
        data: {
          id: order.id,
          userId,
          status: 'paid',
          totalCents: order.total,
          currency: order.currency,
          brand: order.brand,
          last4: order.last4,
          shippingAddress: order.shippingAddress as unknown as Prisma.InputJsonValue,
          chargeId,
          createdAt,
          items: { create: order.items.map((item) => ({ productId: item.productId, name: item.name, unitPriceCents: item.unitPriceCents, quantity: item.quantity })) },
        },
      });
      // Only the lines that were bought: something added to the cart during checkout stays there.
      await tx.cartItem.deleteMany({ where: { userId, productId: { in: order.items.map((item) => item.productId) } } });
      await tx.idempotencyRecord.update({
        where: { userId_key: { userId, key } },
        data: { state: 'completed', response: order as unknown as Prisma.InputJsonValue, leaseExpiresAt: null },
      });
    });
  }
}
