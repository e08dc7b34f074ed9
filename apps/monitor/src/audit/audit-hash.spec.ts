import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, checkChain, GENESIS_HASH, type StoredAuditEntry } from './audit-hash';

const key = Buffer.alloc(32, 7);

function chain(count: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content = { seq: BigInt(i), at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)), actor: 'auth', action: 'security_event.recorded', subject: `e${i}`, details: { n: i, ok: true } };
    const hash = auditHash(key, prevHash, content);
    entries.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('verifies an untouched chain', () => {
    expect(checkChain(key, GENESIS_HASH, chain(5))).toEqual({ lastHash: chain(5)[4].hash });
  });

  it('names the first edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], details: { n: 3, ok: false } };
    expect(checkChain(key, GENESIS_HASH, entries)).toEqual({ brokenAt: 3n });
  });

  it('names the entry after a deleted one', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(checkChain(key, GENESIS_HASH, entries)).toEqual({ brokenAt: 3n });
  });

  it('refuses a chain rebuilt with another key', () => {
    const forged = chain(3).map((entry) => ({ ...entry }));
    let prev = GENESIS_HASH;
    for (const entry of forged) {
      entry.prevHash = prev;
      entry.hash = auditHash(Buffer.alloc(32, 9), prev, entry);
      prev = entry.hash;
    }
    expect(checkChain(key, GENESIS_HASH, forged)).toEqual({ brokenAt: 1n });
  });
});
