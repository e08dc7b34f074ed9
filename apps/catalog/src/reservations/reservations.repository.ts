import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export interface ReservationLine {
  productId: string;
  quantity: number;
}

export interface ReservedLine extends ReservationLine {
  name: string;
  unitPriceCents: number;
  currency: string;
}

export type ReserveOutcome =
  | { kind: 'reserved'; lines: ReservedLine[] }
  | { kind: 'existing'; status: 'reserved' | 'released'; lines: ReservedLine[] }
  | { kind: 'not_found'; productId: string }
  | { kind: 'archived'; productId: string }
  | { kind: 'out_of_stock'; productId: string }
  | { kind: 'currency_mismatch' };

export type ReleaseOutcome = 'released' | 'already_released' | 'tombstoned';

/** Thrown inside a transaction to roll it back and report why. */
class Rollback extends Error {
  constructor(readonly outcome: ReserveOutcome) {
    super(outcome.kind);
  }
}

// Generous bounds: ten buyers racing for one lamp queue on the same row lock.
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

@Injectable()
export class ReservationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Takes stock for every line or for none, in one transaction.
   *
   * 1. Insert the reservation row first. A concurrent request with the same
   *    order id blocks on the primary key until we finish, then inserts
   *    nothing and reads our result: a reservation is never taken twice.
   * 2. Decrement each product with `stock = stock - q WHERE stock >= q`.
   *    PostgreSQL re-checks the WHERE after taking the row lock, so two
   *    buyers can never both take the last item. Raw SQL (bound parameters)
   *    keeps this one statement, whatever the ORM would generate. The same
   *    WHERE asks that the product is not archived, so an archive committed
   *    after the read below still stops the sale.
   * Lines arrive sorted by product id, so concurrent reservations lock rows
   * in the same order and cannot deadlock.
   */
  async reserve(orderId: string, lines: readonly ReservationLine[]): Promise<ReserveOutcome> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO "reservation" ("order_id", "status") VALUES (${orderId}::uuid, 'reserved') ON CONFLICT ("order_id") DO NOTHING`;
        if (inserted === 0) throw new Rollback({ kind: 'existing', ...(await this.readExisting(tx, orderId)) });

        const ids = lines.map((line) => line.productId);
        const products = await tx.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, priceCents: true, currency: true, archivedAt: true } });
        const byId = new Map(products.map((product) => [product.id, product]));
        const missing = ids.find((id) => !byId.has(id));
        if (missing) throw new Rollback({ kind: 'not_found', productId: missing });
        const archived = products.find((product) => product.archivedAt !== null);
        if (archived) throw new Rollback({ kind: 'archived', productId: archived.id });
        if (new Set(products.map((product) => product.currency)).size > 1) throw new Rollback({ kind: 'currency_mismatch' });

        for (const line of lines) {
          const taken = await tx.$executeRaw`
            UPDATE "product" SET "stock" = "stock" - ${line.quantity}, "updated_at" = now()
            WHERE "id" = ${line.productId}::uuid AND "stock" >= ${line.quantity} AND "archived_at" IS NULL`;
          if (taken === 0) throw new Rollback({ kind: (await this.isArchived(tx, line.productId)) ? 'archived' : 'out_of_stock', productId: line.productId });
        }

        const reserved = products
          .flatMap((product) => {
            const line = lines.find((l) => l.productId === product.id);
            return line ? [{ ...line, name: product.name, unitPriceCents: product.priceCents, currency: product.currency }] : [];
          })
          .sort((a, b) => (a.productId < b.productId ? -1 : 1));
        await tx.reservationItem.createMany({
          data: reserved.map((line) => ({ orderId, productId: line.productId, name: line.name, quantity: line.quantity, unitPriceCents: line.unitPriceCents })),
        });
        return { kind: 'reserved', lines: reserved } as const;
      }, TX_OPTIONS);
    } catch (error) {
      if (error instanceof Rollback) return error.outcome;
      throw error;
    }
  }

  /**
   * Gives the stock back exactly once. The state change `reserved → released`
   * is a conditional UPDATE, so of two concurrent releases only one restores
   * stock. Releasing an order id that was never reserved leaves a "released"
   * tombstone, so a reservation that arrives late (after its order gave up)
   * cannot take stock that nobody will ever release.
   */
  release(orderId: string): Promise<ReleaseOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const markReleased = () =>
        tx.$executeRaw`UPDATE "reservation" SET "status" = 'released' WHERE "order_id" = ${orderId}::uuid AND "status" = 'reserved'`;
      let released = await markReleased();
      if (released === 0) {
        const tombstone = await tx.$executeRaw`
          INSERT INTO "reservation" ("order_id", "status") VALUES (${orderId}::uuid, 'released') ON CONFLICT ("order_id") DO NOTHING`;
        if (tombstone === 1) return 'tombstoned';
        // A reservation committed while we waited on its key: this statement sees it.
        released = await markReleased();
        if (released === 0) return 'already_released';
      }
      const items = await tx.reservationItem.findMany({ where: { orderId }, orderBy: { productId: 'asc' } });
      for (const item of items) {
        await tx.$executeRaw`UPDATE "product" SET "stock" = "stock" + ${item.quantity}, "updated_at" = now() WHERE "id" = ${item.productId}::uuid`;
      }
      return 'released';
    }, TX_OPTIONS);
  }

  private async isArchived(tx: Prisma.TransactionClient, productId: string): Promise<boolean> {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { archivedAt: true } });
    return product?.archivedAt != null;
  }

  private async readExisting(tx: Prisma.TransactionClient, orderId: string): Promise<{ status: 'reserved' | 'released'; lines: ReservedLine[] }> {
    const reservation = await tx.reservation.findUniqueOrThrow({
      where: { orderId },
      select: { status: true, items: { orderBy: { productId: 'asc' }, select: { productId: true, name: true, quantity: true, unitPriceCents: true, product: { select: { currency: true } } } } },
    });
    return {
      status: reservation.status,
      lines: reservation.items.map(({ product, ...line }) => ({ ...line, currency: product.currency })),
    };
  }
}
