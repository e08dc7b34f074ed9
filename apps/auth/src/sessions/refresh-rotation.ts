/** A refresh session row as the rotation rules need it. */
export interface StoredSession {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
}

export type RefreshDecision =
  | { outcome: 'rotate'; session: StoredSession }
  /** A token that was already rotated came back: someone holds a copy, so the whole login session dies. */
  | { outcome: 'reuse'; session: StoredSession }
  | { outcome: 'refuse'; reason: 'unknown' | 'revoked' | 'expired' };

/**
 * What to do with a presented refresh token (OAuth 2.0 Security BCP,
 * refresh token rotation with reuse detection). Checked in this order
 * because a rotated row is also revoked: reuse must win over "revoked".
 */
export function decideRefresh(session: StoredSession | null, now: Date): RefreshDecision {
  if (!session) return { outcome: 'refuse', reason: 'unknown' };
  if (session.replacedBy) return { outcome: 'reuse', session };
  if (session.revokedAt) return { outcome: 'refuse', reason: 'revoked' };
  if (session.expiresAt.getTime() <= now.getTime()) return { outcome: 'refuse', reason: 'expired' };
  return { outcome: 'rotate', session };
}

/** When a refresh token issued now stops working. Each rotation starts a new period (sliding expiry). */
export function refreshExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 86_400_000);
}
