import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface TotpState {
  email: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastUsedStep: number | null;
}

export interface StoredChallenge {
  id: string;
  userId: string;
}

@Injectable()
export class MfaRepository {
  constructor(private readonly prisma: PrismaService) {}

  findTotpState(userId: string): Promise<TotpState | null> {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: { email: true, totpSecret: true, totpEnabled: true, totpLastUsedStep: true },
    });
  }

  /** Stores a not-yet-confirmed secret. Never overwrites the secret of an enabled factor. */
  async savePendingSecret(userId: string, secret: string): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({ where: { id: userId, totpEnabled: false }, data: { totpSecret: secret } });
    return count === 1;
  }

  /** Switches TOTP on and replaces every recovery code, in one transaction. */
  enableTotp(userId: string, secret: string, step: number, recoveryCodeHashes: string[]): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // Conditioned on the secret the code was checked against, so a concurrent re-enrollment cannot slip in.
      const { count } = await tx.user.updateMany({
        where: { id: userId, totpEnabled: false, totpSecret: secret },
        data: { totpEnabled: true, totpLastUsedStep: step },
      });
      if (count !== 1) return false;
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: recoveryCodeHashes.map((codeHash) => ({ userId, codeHash })) });
      return true;
    });
  }

  /** Records an accepted code's time step; false if that step (or a later one) was already used: a replay lost the race. */
  async recordTotpStep(userId: string, step: number): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({
      where: { id: userId, totpEnabled: true, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
      data: { totpLastUsedStep: step },
    });
    return count === 1;
  }

  unusedRecoveryCodes(userId: string): Promise<Array<{ id: string; codeHash: string }>> {
    return this.prisma.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  }

  /** Marks a code used; false if it was used meanwhile (two requests with one code: only one wins). */
  async useRecoveryCode(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.recoveryCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
    return count === 1;
  }

  async createChallenge(challenge: { userId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.prisma.mfaChallenge.create({ data: challenge });
  }

  /**
   * Spends one attempt on a live challenge and returns it, or null when it is
   * unknown, expired, used, or out of attempts. Counting before the check
   * (atomically) bounds guesses even when they arrive in parallel.
   */
  async claimAttempt(tokenHash: string, now: Date, maxAttempts: number): Promise<StoredChallenge | null> {
    const live = { tokenHash, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } };
    const { count } = await this.prisma.mfaChallenge.updateMany({ where: live, data: { attempts: { increment: 1 } } });
    if (count !== 1) return null;
    return this.prisma.mfaChallenge.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
  }

  /** Single use: false if another request already completed this challenge. */
  async consumeChallenge(id: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.mfaChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: now } });
    return count === 1;
  }
}
