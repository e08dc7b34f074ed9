import { createHmac } from 'node:crypto';

/** prev_hash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: bigint;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  details: unknown;
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * HMAC-SHA256(key, prev_hash + "\n" + canonical entry). Keyed, so someone
 * who can write to the table but does not hold the key cannot forge a
 * consistent chain after editing a row. The seq is inside the hash, so rows
 * cannot be reordered either.
 */
export function auditHash(key: Buffer, prevHash: string, entry: AuditContent): string {
  const canonical = canonicalJson({
    seq: entry.seq.toString(),
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
  });
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface StoredAuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/**
 * Checks one run of entries against the hash of the entry before them.
 * Returns the seq of the first entry whose link or content does not match,
 * or the last hash so the caller can continue with the next batch.
 */
export function checkChain(key: Buffer, previousHash: string, entries: readonly StoredAuditEntry[]): { brokenAt: bigint } | { lastHash: string } {
  let expectedPrev = previousHash;
  for (const entry of entries) {
    if (entry.prevHash !== expectedPrev || auditHash(key, expectedPrev, entry) !== entry.hash) return { brokenAt: entry.seq };
    expectedPrev = entry.hash;
  }
  return { lastHash: expectedPrev };
}
