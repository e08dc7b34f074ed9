import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** A card whose data key is wrapped under an older generation of the master key. Never includes the PAN ciphertext. */
export interface StaleCard {
  token: string;
  wrappedKey: Uint8Array;
  kmsKeyId: string;
}

export interface Rewrapped {
  wrappedKey: Uint8Array;
  kmsKeyId: string;
  kmsKeyMaterialId: string;
}

// "Not under the current generation": another value, or NULL (rows from before the column existed).
const staleFor = (currentMaterialId: string) => ({ OR: [{ kmsKeyMaterialId: null }, { kmsKeyMaterialId: { not: currentMaterialId } }] });

/** The only place the rewrap feature touches the vault database. */
@Injectable()
export class RewrapRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The next `take` stale cards after `afterToken`, in token order (keyset paging, so a long run never rereads a page). */
  async staleCards(currentMaterialId: string, take: number, afterToken?: string): Promise<StaleCard[]> {
    const rows = await this.prisma.card.findMany({
      where: { ...staleFor(currentMaterialId), ...(afterToken ? { token: { gt: afterToken } } : {}) },
      select: { token: true, wrappedDataKey: true, kmsKeyId: true },
      orderBy: { token: 'asc' },
      take,
    });
    return rows.map((row) => ({ token: row.token, wrappedKey: row.wrappedDataKey, kmsKeyId: row.kmsKeyId }));
  }

  countAll(): Promise<number> {
    return this.prisma.card.count();
  }

  countStale(currentMaterialId: string): Promise<number> {
    return this.prisma.card.count({ where: staleFor(currentMaterialId) });
  }

  /**
   * Stores the rewrapped key only if the row still holds the wrapped key we
   * read: if another run (another vault process) got there first, this
   * changes nothing and returns false, so two runs never overwrite each other.
   */
  async replaceWrappedKey(token: string, previousWrappedKey: Uint8Array, next: Rewrapped): Promise<boolean> {
    const { count } = await this.prisma.card.updateMany({
      where: { token, wrappedDataKey: { equals: new Uint8Array(previousWrappedKey) } },
      data: { wrappedDataKey: new Uint8Array(next.wrappedKey), kmsKeyId: next.kmsKeyId, kmsKeyMaterialId: next.kmsKeyMaterialId },
    });
    return count === 1;
  }
}
