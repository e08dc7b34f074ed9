import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import type { SealedPan } from '../card-vault/card-cipher.service';
import type { DeclineCode } from '../processor/card-processor';

export interface StoredCard {
  token: string;
  userId: string;
  brand: string;
  last4: string;
  sealed: SealedPan;
}

export type ChargeOutcome = { status: 'approved'; declineCode: null } | { status: 'declined'; declineCode: DeclineCode };

export type NewCharge = {
  id: string;
  orderId: string;
  cardToken: string;
  userId: string;
  amountCents: number;
  currency: string;
  createdAt: Date;
} & ChargeOutcome;

export type StoredCharge = NewCharge & { brand: string; last4: string };

/** What a charge attempt may do while it holds its order's lock. */
export interface ChargeStore {
  findByOrderId(orderId: string): Promise<StoredCharge | null>;
  findCard(token: string): Promise<StoredCard | null>;
  insert(charge: NewCharge): Promise<StoredCharge>;
}

// Interactive transactions default to 5 s; a charge includes a KMS round trip and the processor call.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

type ChargeRow = Prisma.ChargeGetPayload<{ include: { card: { select: { brand: true; last4: true } } } }>;

function toStoredCharge(row: ChargeRow): StoredCharge {
  const outcome: ChargeOutcome =
    row.status === 'approved' ? { status: 'approved', declineCode: null } : { status: 'declined', declineCode: row.declineCode as DeclineCode };
  return {
    id: row.id,
    orderId: row.orderId,
    cardToken: row.cardToken,
    userId: row.userId,
    amountCents: row.amountCents,
    currency: row.currency,
    createdAt: row.createdAt,
    brand: row.card.brand,
    last4: row.card.last4,
    ...outcome,
  };
}

/** The only place the charges feature touches the vault database. */
@Injectable()
export class ChargesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Runs one charge attempt while holding a transaction-scoped advisory lock
   * on its order id: concurrent retries of the same order wait, then find
   * the first attempt's row, so an order is never sent to the processor
   * twice. The unique index on order_id is the backstop. If `work` throws,
   * nothing it wrote is kept.
   */
  exclusivelyForOrder<T>(orderId: string, work: (store: ChargeStore) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`vault-charge:${orderId}`}, 0))`;
      return work(this.storeFor(tx));
    }, TRANSACTION_OPTIONS);
  }

  private storeFor(tx: Prisma.TransactionClient): ChargeStore {
    const include = { card: { select: { brand: true, last4: true } } } as const;
    return {
      findByOrderId: async (orderId) => {
        const row = await tx.charge.findUnique({ where: { orderId }, include });
        return row ? toStoredCharge(row) : null;
      },
      findCard: async (token) => {
        const card = await tx.card.findUnique({ where: { token } });
        if (!card) return null;
        return {
          token: card.token,
          userId: card.userId,
          brand: card.brand,
          last4: card.last4,
          sealed: { ciphertext: card.panCiphertext, iv: card.panIv, tag: card.panTag, wrappedKey: card.wrappedDataKey, kmsKeyId: card.kmsKeyId, kmsKeyMaterialId: card.kmsKeyMaterialId },
        };
      },
      insert: async (charge) => toStoredCharge(await tx.charge.create({ data: charge, include })),
    };
  }
}
