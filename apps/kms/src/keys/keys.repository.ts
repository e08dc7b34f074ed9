import { Injectable } from '@nestjs/common';
import { Prisma, type Alias, type Key, type KeyVersion, type RotationType } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

export interface NewKey {
  id: string;
  description: string;
  createdAt: Date;
  /** Version 1, already wrapped by the root key. */
  firstVersion: { wrappedMaterial: Buffer; iv: Buffer; tag: Buffer };
}

export interface WrappedMaterial {
  wrappedMaterial: Buffer;
  iv: Buffer;
  tag: Buffer;
}

/** What a rotation does to the key's schedule: undefined leaves next_rotation_at as it is (on-demand rotation). */
export interface RotationPlan {
  nextRotationAt?: Date;
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

  /** One version with its key, whose state decides whether the version may be used. */
  findVersion(keyId: string, version: number): Promise<(KeyVersion & { key: Key }) | null> {
    return this.prisma.keyVersion.findUnique({ where: { keyId_version: { keyId, version } }, include: { key: true } });
  }

  /** The key's rotations (every version after the first), oldest first, after version `afterVersion` when paging. */
  listRotations(keyId: string, take: number, afterVersion = 1): Promise<KeyVersion[]> {
    return this.prisma.keyVersion.findMany({ where: { keyId, version: { gt: afterVersion } }, orderBy: { version: 'asc' }, take });
  }

  /**
   * The state changes below are conditional updates, so a change that raced
   * another (say a CancelKeyDeletion against a DisableKey) is decided by the
   * database: each returns the updated key, or null when the key was no
   * longer in a state the change applies to.
   */
  scheduleDeletion(keyId: string, deletionDate: Date, pendingWindowDays: number): Promise<Key | null> {
    return this.updateIfState(keyId, ['Enabled', 'Disabled'], { keyState: 'PendingDeletion', deletionDate, pendingWindowDays });
  }

  /** As AWS does, a key whose deletion is cancelled is Disabled, not Enabled: someone must decide to use it again. */
  cancelDeletion(keyId: string): Promise<Key | null> {
    return this.updateIfState(keyId, ['PendingDeletion'], { keyState: 'Disabled', deletionDate: null, pendingWindowDays: null });
  }

  setEnabled(keyId: string, enabled: boolean): Promise<Key | null> {
    return this.updateIfState(keyId, ['Enabled', 'Disabled'], { keyState: enabled ? 'Enabled' : 'Disabled' });
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

  disableRotation(keyId: string): Promise<Key> {
    return this.prisma.key.update({ where: { id: keyId }, data: { rotationEnabled: false, nextRotationAt: null } });
  }

  /** Enabled keys with rotation on whose next rotation date is not after `now`, oldest due first (AWS rotates no disabled key). */
  keysDueForRotation(now: Date, take: number): Promise<Key[]> {
    return this.prisma.key.findMany({
      where: { keyState: 'Enabled', rotationEnabled: true, nextRotationAt: { lte: now } },
      orderBy: { nextRotationAt: 'asc' },
      take,
    });
  }

  /** Disables one version; false when it does not exist. */
  async disableVersion(keyId: string, version: number): Promise<boolean> {
    const { count } = await this.prisma.keyVersion.updateMany({ where: { keyId, version }, data: { enabled: false } });
    return count === 1;
  }

  /**
   * Adds version current+1 and makes it current, in one transaction under a
   * per-key advisory lock: two kms processes (or the scheduler and an
   * on-demand call) rotating at once serialise, and `plan` sees the key as
   * it is after the other one committed, so a due key rotates once, not
   * twice. `plan` returns null to skip (e.g. no longer due). Returns the
   * rotated key, or null when skipped.
   */
  rotateKey(
    keyId: string,
    rotationType: RotationType,
    plan: (key: Key) => RotationPlan | null,
    wrap: (version: number) => WrappedMaterial,
    createdAt: Date,
  ): Promise<Key | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`kms-key:${keyId}`}, 0))`;
      const key = await tx.key.findUnique({ where: { id: keyId } });
      const decision = key ? plan(key) : null;
      if (!key || !decision) return null;
      const version = key.currentVersion + 1;
      const sealed = wrap(version);
      await tx.keyVersion.create({
        data: {
          keyId,
          version,
          wrappedMaterial: new Uint8Array(sealed.wrappedMaterial),
          iv: new Uint8Array(sealed.iv),
          tag: new Uint8Array(sealed.tag),
          rotationType,
          createdAt,
        },
      });
      return tx.key.update({
        where: { id: keyId },
        data: { currentVersion: version, ...(decision.nextRotationAt ? { nextRotationAt: decision.nextRotationAt } : {}) },
      });
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

  private async updateIfState(keyId: string, from: Key['keyState'][], data: Prisma.KeyUpdateManyMutationInput): Promise<Key | null> {
    const { count } = await this.prisma.key.updateMany({ where: { id: keyId, keyState: { in: from } }, data });
    return count === 1 ? this.findKey(keyId) : null;
  }
}
