import { Injectable } from '@nestjs/common';
import { Prisma, type Alias, type Key, type KeyVersion } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

export interface NewKey {
  id: string;
  description: string;
  createdAt: Date;
  /** Version 1, already wrapped by the root key. */
  firstVersion: { wrappedMaterial: Buffer; iv: Buffer; tag: Buffer };
}

export interface RotationSettings {
  periodDays: number;
  nextRotationAt: Date;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** The only place that touches the kms database for keys, key versions and aliases. */
@Injectable()
export class KeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createKey(key: NewKey, client: Prisma.TransactionClient = this.prisma): Promise<Key> {
    return client.key.create({
      data: {
        id: key.id,
        description: key.description,
        currentVersion: 1,
        createdAt: key.createdAt,
        versions: {
          create: {
            version: 1,
            // Prisma's Bytes columns take plain Uint8Array (ArrayBuffer-backed), not Node's Buffer type.
            wrappedMaterial: new Uint8Array(key.firstVersion.wrappedMaterial),
            iv: new Uint8Array(key.firstVersion.iv),
            tag: new Uint8Array(key.firstVersion.tag),
            createdAt: key.createdAt,
          },
        },
      },
    });
  }

  findKey(id: string): Promise<Key | null> {
    return this.prisma.key.findUnique({ where: { id } });
  }

  findVersion(keyId: string, version: number): Promise<KeyVersion | null> {
    return this.prisma.keyVersion.findUnique({ where: { keyId_version: { keyId, version } } });
  }

  findAlias(name: string): Promise<Alias | null> {
    return this.prisma.alias.findUnique({ where: { name } });
  }

  /** Keys ordered by id, after `afterId` when paging; `take` rows at most. */
  listKeys(take: number, afterId?: string): Promise<Key[]> {
    return this.prisma.key.findMany({ where: afterId ? { id: { gt: afterId } } : {}, orderBy: { id: 'asc' }, take });
  }

  listAliases(take: number, afterName?: string, targetKeyId?: string): Promise<Alias[]> {
    return this.prisma.alias.findMany({
      where: { ...(afterName ? { name: { gt: afterName } } : {}), ...(targetKeyId ? { targetKeyId } : {}) },
      orderBy: { name: 'asc' },
      take,
    });
  }

  /** Returns false when the alias name is already taken (the primary key decides, so two racing callers cannot both win). */
  async createAlias(name: string, targetKeyId: string, createdAt: Date): Promise<boolean> {
    try {
      await this.prisma.alias.create({ data: { name, targetKeyId, createdAt, updatedAt: createdAt } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  setRotation(keyId: string, rotation: RotationSettings): Promise<Key> {
    return this.prisma.key.update({
      where: { id: keyId },
      data: { rotationEnabled: true, rotationPeriodDays: rotation.periodDays, nextRotationAt: rotation.nextRotationAt },
    });
  }

  /**
   * Returns the key the alias names, creating key and alias together when
   * the alias does not exist yet. An advisory lock serialises concurrent
   * starts of several kms processes, so they never create two keys.
   */
  ensureAliasedKey(aliasName: string, newKey: () => NewKey, rotation: (createdAt: Date) => RotationSettings): Promise<Key> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`kms-alias:${aliasName}`}, 0))`;
      const existing = await tx.alias.findUnique({ where: { name: aliasName }, include: { key: true } });
      if (existing) return existing.key;
      const key = newKey();
      await this.createKey(key, tx);
      await tx.alias.create({ data: { name: aliasName, targetKeyId: key.id, createdAt: key.createdAt, updatedAt: key.createdAt } });
      const { periodDays, nextRotationAt } = rotation(key.createdAt);
      return tx.key.update({
        where: { id: key.id },
        data: { rotationEnabled: true, rotationPeriodDays: periodDays, nextRotationAt },
      });
    });
  }
}
