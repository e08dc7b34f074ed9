import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { StoredSession } from './refresh-rotation';

export interface NewSession {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

const SESSION_FIELDS = { id: true, userId: true, familyId: true, expiresAt: true, revokedAt: true, replacedBy: true } as const;

@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(session: NewSession): Promise<void> {
    await this.prisma.refreshSession.create({ data: session });
  }

  findByTokenHash(tokenHash: string): Promise<StoredSession | null> {
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

  /** Ends every still-active token of one login session. */
  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.refreshSession.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }
}
