import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { StoredAuditEntry } from './audit-hash';

export interface NewAuditRow extends StoredAuditEntry {
  details: Prisma.InputJsonValue;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Serialises appends until the transaction ends: two writers reading the
   * same last hash would fork the chain. Readers are not blocked.
   */
  async lockForAppend(tx: Tx): Promise<void> {
    await tx.$executeRawUnsafe('LOCK TABLE "audit_entry" IN SHARE ROW EXCLUSIVE MODE');
  }

  async lastHash(tx: Tx): Promise<string | undefined> {
    const last = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
    return last?.hash;
  }

  /** The seq is part of the hashed content, so it is taken before the insert. */
  async nextSeq(tx: Tx): Promise<bigint> {
    const [row] = await tx.$queryRaw<Array<{ seq: bigint | number | string }>>`SELECT nextval(pg_get_serial_sequence('audit_entry', 'seq')) AS seq`;
    return BigInt(row.seq);
  }

  async insert(tx: Tx, row: NewAuditRow): Promise<void> {
    await tx.auditEntry.create({ data: row });
  }

  async batchAfter(afterSeq: bigint, size: number): Promise<StoredAuditEntry[]> {
    return this.prisma.auditEntry.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: size });
  }

  async newestFirst(limit: number, beforeSeq?: bigint): Promise<StoredAuditEntry[]> {
    return this.prisma.auditEntry.findMany({
      where: beforeSeq === undefined ? {} : { seq: { lt: beforeSeq } },
      orderBy: { seq: 'desc' },
      take: limit,
    });
  }
}
