import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { StoredSession } from './refresh-rotation';

/** Where a token was issued to: shown on the Security page. */
export interface SessionOrigin {
  userAgent?: string;
  ipAddress?: string;
}

export interface NewSession extends SessionOrigin {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  /** When the login session began; a rotation carries it over. */
  startedAt: Date;
  /** When the login session last proved a second factor; a rotation carries it over. Null: never. */
  mfaAt: Date | null;
}

/** The live token of one login session, as the session list shows it. */
export interface ActiveSessionRow {
  familyId: string;
  userAgent: string | null;
  ipAddress: string | null;
  startedAt: Date;
  /** Issued at the last sign-in or refresh: the session was last seen then. */
  createdAt: Date;
}

const SESSION_FIELDS = { id: true, userId: true, familyId: true, expiresAt: true, revokedAt: true, replacedBy: true, startedAt: true, mfaAt: true } as const;

/** A live token: not rotated, not revoked, not expired. Each login session has at most one. */
const live = (now: Date) => ({ revokedAt: null, replacedBy: null, expiresAt: { gt: now } });

@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(session: NewSession): Promise<void> {
    await this.prisma.refreshSession.create({ data: session });
  }

  findByTokenHash(tokenHash: string): Promise<(StoredSession & { startedAt: Date; mfaAt: Date | null }) | null> {
    return this.prisma.refreshSession.findUnique({ where: { tokenHash }, select: SESSION_FIELDS });
  }

  /**
   * Replaces a session with its successor atomically. The conditional update
   * makes two concurrent refreshes with one token race for a single row:
   * the loser gets false and is treated as reuse.
   */
  rotate(previousId: string, next: NewSession, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshSession.updateMany({
        where: { id: previousId, replacedBy: null, revokedAt: null },
        data: { replacedBy: next.id, revokedAt: now },
      });
      if (claimed.count !== 1) return false;
      await tx.refreshSession.create({ data: next });
      return true;
    });
  }

  /**
   * Records a second-factor proof on the live token of one login session of
   * this user; false when there is none (signed out, ended, expired).
   */
  async recordMfa(userId: string, familyId: string, mfaAt: Date, now: Date): Promise<boolean> {
    const { count } = await this.prisma.refreshSession.updateMany({ where: { userId, familyId, ...live(now) }, data: { mfaAt } });
    return count > 0;
  }

  /** Ends every still-active token of one login session. */
  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.refreshSession.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }

  /** Ends one login session of this user; 0 when it is not theirs (or already over). */
  async revokeFamilyOf(userId: string, familyId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.refreshSession.updateMany({ where: { userId, familyId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }

  /** Ends every login session of the user except one; returns the ids of those it ended. */
  revokeAllExcept(userId: string, keepFamilyId: string, now: Date): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.refreshSession.findMany({
        where: { userId, revokedAt: null, familyId: { not: keepFamilyId } },
        select: { familyId: true },
        distinct: ['familyId'],
      });
      await tx.refreshSession.updateMany({ where: { userId, revokedAt: null, familyId: { not: keepFamilyId } }, data: { revokedAt: now } });
      return rows.map((row) => row.familyId);
    });
  }

  listActive(userId: string, now: Date): Promise<ActiveSessionRow[]> {
    return this.prisma.refreshSession.findMany({
      where: { userId, ...live(now) },
      select: { familyId: true, userAgent: true, ipAddress: true, startedAt: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
    });
  }

  async isActive(familyId: string, now: Date): Promise<boolean> {
    return (await this.prisma.refreshSession.count({ where: { familyId, ...live(now) } })) > 0;
  }
}
