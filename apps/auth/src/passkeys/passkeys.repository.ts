import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/unique-violation';

export interface StoredPasskey {
  id: string;
  userId: string;
  credentialId: string;
  /** A copy on its own ArrayBuffer, as the WebAuthn library wants it. */
  publicKey: Uint8Array<ArrayBuffer>;
  signCount: number;
  transports: string[];
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

export interface NewPasskey {
  userId: string;
  credentialId: string;
  publicKey: Uint8Array;
  signCount: number;
  transports: string[];
  name: string;
  backedUp: boolean;
}

const STORED_FIELDS = { id: true, userId: true, credentialId: true, publicKey: true, signCount: true, transports: true } as const;

@Injectable()
export class PasskeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** False when the credential is already registered (to anyone): one authenticator key, one account. */
  async create(passkey: NewPasskey): Promise<PasskeySummary | null> {
    try {
      return await this.prisma.passkey.create({
        data: { ...passkey, publicKey: Buffer.from(passkey.publicKey), signCount: BigInt(passkey.signCount) },
        select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findByCredentialId(credentialId: string): Promise<StoredPasskey | null> {
    const row = await this.prisma.passkey.findUnique({ where: { credentialId }, select: STORED_FIELDS });
    return row && { ...row, publicKey: new Uint8Array(row.publicKey), signCount: Number(row.signCount) };
  }

  async credentialIdsOf(userId: string): Promise<{ credentialId: string; transports: string[] }[]> {
    return this.prisma.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  }

  listOf(userId: string): Promise<PasskeySummary[]> {
    return this.prisma.passkey.findMany({
      where: { userId },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /**
   * Records a use. The conditional update refuses a counter that did not move
   * forward (0 stays 0 for authenticators that do not count): two sign-ins
   * racing with one response cannot both pass, and a cloned key shows.
   */
  async recordUse(id: string, previousCount: number, newCount: number, now: Date): Promise<boolean> {
    const counterOk = newCount === 0 && previousCount === 0 ? {} : { signCount: { lt: BigInt(newCount) } };
    const { count } = await this.prisma.passkey.updateMany({ where: { id, ...counterOk }, data: { signCount: BigInt(newCount), lastUsedAt: now } });
    return count === 1;
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.passkey.deleteMany({ where: { id, userId } });
    return count === 1;
  }
}
