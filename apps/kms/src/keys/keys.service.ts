import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AES_KEY_BYTES } from '@storefront/vault/crypto';
import type { Alias, Key } from '../generated/prisma/client';
import { CLOCK, type Clock } from '../common/clock';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { RootKeyring } from '../root-key/root-keyring';
import { KeysRepository, type NewKey, type RotationSettings } from './keys.repository';
import { parseKeyReference } from './kms-arn';

const DAY_MS = 86_400_000;
/** AWS's default when EnableKeyRotation names no period. */
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;

export interface Page<T> {
  items: T[];
  /** The marker for the next page; undefined on the last page. */
  nextMarker?: string;
}

/** A CMK's usable material for one version; the caller must zero `material` when done. */
export interface KeyMaterial {
  keyId: string;
  version: number;
  material: Buffer;
}

/** Customer master keys, their versions and aliases. Material is unwrapped only for the moment it is used. */
@Injectable()
export class KeysService {
  private readonly logger = new Logger(KeysService.name);

  constructor(
    private readonly keys: KeysRepository,
    private readonly rootKeyring: RootKeyring,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async createKey(description: string): Promise<Key> {
    const key = await this.keys.createKey(this.newKey(description));
    this.logger.log({ keyId: key.id }, 'customer master key created');
    return key;
  }

  /** Finds a key by id, key ARN, alias name or alias ARN; NotFoundException otherwise. */
  async resolveKey(reference: string): Promise<Key> {
    const parsed = parseKeyReference(reference);
    if (!parsed) throw kmsError(KmsErrorCode.NotFound, `Invalid keyId ${reference}`);
    let keyId = parsed.kind === 'key' ? parsed.keyId : undefined;
    if (parsed.kind === 'alias') {
      const alias = await this.keys.findAlias(parsed.aliasName);
      if (!alias) throw kmsError(KmsErrorCode.NotFound, `Alias ${parsed.aliasName} is not found.`);
      keyId = alias.targetKeyId;
    }
    const key = keyId ? await this.keys.findKey(keyId) : null;
    if (!key) throw kmsError(KmsErrorCode.NotFound, `Key '${reference}' does not exist`);
    return key;
  }

  async listKeys(limit: number, marker?: string): Promise<Page<Key>> {
    if (marker !== undefined && parseKeyReference(marker)?.kind !== 'key') throw kmsError(KmsErrorCode.InvalidMarker, 'The marker is not valid.');
    const rows = await this.keys.listKeys(limit + 1, marker);
    return page(rows, limit, (key) => key.id);
  }

  async createAlias(aliasName: string, targetKeyReference: string): Promise<void> {
    if (aliasName.startsWith('alias/aws/')) throw kmsError(KmsErrorCode.InvalidAliasName, 'Aliases that begin with alias/aws/ are reserved.');
    // AWS accepts only a key id or key ARN as the target: an alias may not point at another alias.
    if (parseKeyReference(targetKeyReference)?.kind !== 'key') throw kmsError(KmsErrorCode.NotFound, `Invalid keyId ${targetKeyReference}`);
    const key = await this.resolveKey(targetKeyReference);
    const created = await this.keys.createAlias(aliasName, key.id, this.clock());
    if (!created) throw kmsError(KmsErrorCode.AlreadyExists, `An alias with the name ${aliasName} already exists`);
    this.logger.log({ aliasName, keyId: key.id }, 'alias created');
  }

  async listAliases(limit: number, marker?: string, keyReference?: string): Promise<Page<Alias>> {
    const targetKeyId = keyReference === undefined ? undefined : (await this.resolveKey(keyReference)).id;
    const rows = await this.keys.listAliases(limit + 1, marker, targetKeyId);
    return page(rows, limit, (alias) => alias.name);
  }

  async enableKeyRotation(reference: string, periodDays = DEFAULT_ROTATION_PERIOD_DAYS): Promise<void> {
    const key = await this.resolveKey(reference);
    await this.keys.setRotation(key.id, this.rotationFrom(this.clock(), periodDays));
    this.logger.log({ keyId: key.id, periodDays }, 'automatic key rotation enabled');
  }

  /**
   * Makes sure `aliasName` names a key, creating both on first start, with
   * automatic rotation enabled. Idempotent, and safe when several kms
   * processes start at once.
   */
  async ensureKeyForAlias(aliasName: string, description: string, rotationPeriodDays: number): Promise<Key> {
    return this.keys.ensureAliasedKey(
      aliasName,
      () => this.newKey(description),
      (createdAt) => this.rotationFrom(createdAt, rotationPeriodDays),
    );
  }

  /** The material new encryptions under this key use. */
  currentMaterial(key: Key): Promise<KeyMaterial> {
    return this.materialFor(key.id, key.currentVersion);
  }

  /**
   * Unwraps one version's material. A version that does not exist means the
   * caller's ciphertext is bad (InvalidCiphertextException); a wrapping that
   * does not verify means OUR storage was tampered with or the root key is
   * wrong, which is logged and reported as KMSInternalException.
   */
  async materialFor(keyId: string, version: number): Promise<KeyMaterial> {
    const row = await this.keys.findVersion(keyId, version);
    if (!row) throw kmsError(KmsErrorCode.InvalidCiphertext, 'The ciphertext refers to a key version that does not exist.');
    try {
      const material = this.rootKeyring.unwrap({ keyId, version }, { ciphertext: row.wrappedMaterial, iv: row.iv, tag: row.tag });
      return { keyId, version, material };
    } catch {
      this.logger.error({ keyId, version }, 'stored key material failed root-key verification');
      throw kmsError(KmsErrorCode.Internal, 'The key material could not be loaded.');
    }
  }

  private newKey(description: string): NewKey {
    const id = randomUUID();
    const material = randomBytes(AES_KEY_BYTES);
    try {
      const sealed = this.rootKeyring.wrap({ keyId: id, version: 1 }, material);
      return { id, description, createdAt: this.clock(), firstVersion: { wrappedMaterial: sealed.ciphertext, iv: sealed.iv, tag: sealed.tag } };
    } finally {
      material.fill(0);
    }
  }

  private rotationFrom(from: Date, periodDays: number): RotationSettings {
    return { periodDays, nextRotationAt: new Date(from.getTime() + periodDays * DAY_MS) };
  }
}

function page<T>(rows: T[], limit: number, markerOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items, nextMarker: markerOf(items[items.length - 1]) } : { items };
}
