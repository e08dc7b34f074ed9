import { describe, expect, it } from 'vitest';
import { decideRefresh, refreshExpiry, type StoredSession } from './refresh-rotation';

const NOW = new Date('2026-03-01T12:00:00Z');
const live = (overrides: Partial<StoredSession> = {}): StoredSession => ({
  id: 's1',
  userId: 'u1',
  familyId: 'f1',
  expiresAt: new Date(NOW.getTime() + 60_000),
  revokedAt: null,
  replacedBy: null,
  ...overrides,
});

describe('decideRefresh', () => {
  it('rotates a live, unrotated token', () => {
    expect(decideRefresh(live(), NOW)).toEqual({ outcome: 'rotate', session: live() });
  });

  it('treats an already rotated token as reuse, even though it is also revoked', () => {
    const rotated = live({ replacedBy: 's2', revokedAt: NOW });
    expect(decideRefresh(rotated, NOW)).toEqual({ outcome: 'reuse', session: rotated });
  });

  it('treats a rotated token as reuse even after it expired', () => {
    const rotated = live({ replacedBy: 's2', revokedAt: NOW, expiresAt: new Date(0) });
    expect(decideRefresh(rotated, NOW).outcome).toBe('reuse');
  });

  it('refuses a logged-out token without calling it reuse', () => {
    expect(decideRefresh(live({ revokedAt: NOW }), NOW)).toEqual({ outcome: 'refuse', reason: 'revoked' });
  });

  it('refuses an expired token, including at the exact expiry instant', () => {
    expect(decideRefresh(live({ expiresAt: NOW }), NOW)).toEqual({ outcome: 'refuse', reason: 'expired' });
  });

  it('refuses a token it has never issued', () => {
    expect(decideRefresh(null, NOW)).toEqual({ outcome: 'refuse', reason: 'unknown' });
  });
});

describe('refreshExpiry', () => {
  it('is the configured number of days after now', () => {
    expect(refreshExpiry(NOW, 7).toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
});
