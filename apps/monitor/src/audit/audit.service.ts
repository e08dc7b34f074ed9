import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_HMAC_KEY } from '../core/core.module';
import type { Tx } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { auditHash, checkChain, GENESIS_HASH, type StoredAuditEntry } from './audit-hash';
import { AuditRepository } from './audit.repository';

export interface AuditRecordInput {
  actor: string;
  action: string;
  subject: string;
  details: Record<string, string | number | boolean>;
}

/** What clients see; seq as a number (a JSON-safe integer for any realistic log length). */
export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: unknown;
  prevHash: string;
  hash: string;
}

/** On a break, the first entry that does not match (as stored now), so staff can see what was altered. */
export type AuditVerification = { valid: true; checked: number } | { valid: false; firstBadSeq: number; entry: AuditEntryView | null };

const VERIFY_BATCH = 500;

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    @Inject(AUDIT_HMAC_KEY) private readonly key: Buffer,
  ) {}

  /** Call first in any transaction that appends: it also orders whatever else that transaction decides. */
  lockForAppend(tx: Tx): Promise<void> {
    return this.repository.lockForAppend(tx);
  }

  /** Appends one entry inside the caller's transaction (which must hold lockForAppend). */
  async append(tx: Tx, record: AuditRecordInput, at: Date = new Date()): Promise<AuditEntryView> {
    const prevHash = (await this.repository.lastHash(tx)) ?? GENESIS_HASH;
    const seq = await this.repository.nextSeq(tx);
    const content = { seq, at, ...record };
    const row = { ...content, details: record.details as Prisma.InputJsonValue, prevHash, hash: auditHash(this.key, prevHash, content) };
    await this.repository.insert(tx, row);
    return toView(row);
  }

  async verify(): Promise<AuditVerification> {
    let previousHash = GENESIS_HASH;
    let afterSeq = 0n;
    let checked = 0;
    for (;;) {
      const batch = await this.repository.batchAfter(afterSeq, VERIFY_BATCH);
      if (batch.length === 0) return { valid: true, checked };
      const result = checkChain(this.key, previousHash, batch);
      if ('brokenAt' in result) {
        const bad = batch.find((entry) => entry.seq === result.brokenAt);
        return { valid: false, firstBadSeq: Number(result.brokenAt), entry: bad ? toView(bad) : null };
      }
      checked += batch.length;
      previousHash = result.lastHash;
      afterSeq = batch[batch.length - 1].seq;
    }
  }

  async list(limit: number, beforeSeq?: number): Promise<{ items: AuditEntryView[] }> {
    const rows = await this.repository.newestFirst(limit, beforeSeq === undefined ? undefined : BigInt(beforeSeq));
    return { items: rows.map(toView) };
  }
}

function toView(entry: StoredAuditEntry): AuditEntryView {
  return {
    seq: Number(entry.seq),
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}
