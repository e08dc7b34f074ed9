import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AES_KEY_BYTES } from '@storefront/vault/crypto';
import type { Alias, Key, KeyVersion } from '../generated/prisma/client';
import { CLOCK, type Clock } from '../common/clock';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { RootKeyring } from '../root-key/root-keyring';
import { KeysRepository, type NewKey, type RotationSettings, type WrappedMaterial } from './keys.repository';
import { keyArn, parseKeyReference } from './kms-arn';

const DAY_MS = 86_400_000;
/** AWS's default when EnableKeyRotation names no period. */
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;
/** Keys rotated per query by the scheduler; it pages until none is due. */
const ROTATION_BATCH = 50;
/** AWS's ScheduleKeyDeletion waiting period when PendingWindowInDays is not given. */
export const DEFAULT_PENDING_WINDOW_DAYS = 30;

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

  /** Like resolveKey, for the operations AWS lets name a key only by key id or key ARN (never an alias). */
  async resolveKeyByIdOrArn(reference: string): Promise<Key> {
    if (parseKeyReference(reference)?.kind !== 'key') throw kmsError(KmsErrorCode.NotFound, `Invalid keyId ${reference}`);
    return this.resolveKey(reference);
  }

  async listKeys(limit: number, marker?: string): Promise<Page<Key>> {
    if (marker !== undefined && parseKeyReference(marker)?.kind !== 'key') throw kmsError(KmsErrorCode.InvalidMarker, 'The marker is not valid.');
    const rows = await this.keys.listKeys(limit + 1, marker);
    return page(rows, limit, (key) => key.id);
  }

  async createAlias(aliasName: string, targetKeyReference: string): Promise<void> {
    if (aliasName.startsWith('alias/aws/')) throw kmsError(KmsErrorCode.InvalidAliasName, 'Aliases that begin with alias/aws/ are reserved.');
    // AWS accepts only a key id or key ARN as the target: an alias may not point at another alias.
    const key = await this.resolveKeyByIdOrArn(targetKeyReference);
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
    const key = refuseUnlessEnabled(await this.resolveKey(reference));
    await this.keys.setRotation(key.id, this.rotationFrom(this.clock(), periodDays));
    this.logger.log({ keyId: key.id, periodDays }, 'automatic key rotation enabled');
  }

  /** AWS DisableKeyRotation: no more automatic rotations; the period is kept, the next date cleared. */
  async disableKeyRotation(reference: string): Promise<void> {
    const key = refuseUnlessEnabled(await this.resolveKey(reference));
    await this.keys.disableRotation(key.id);
    this.logger.log({ keyId: key.id }, 'automatic key rotation disabled');
  }

  /**
   * AWS RotateKeyOnDemand: a new version becomes current at once; older
   * versions still decrypt. The automatic schedule is left as it is, as AWS does.
   */
  async rotateOnDemand(reference: string): Promise<Key> {
    const key = refuseUnlessEnabled(await this.resolveKey(reference));
    const rotated = await this.keys.rotateKey(
      key.id,
      'ON_DEMAND',
      // Checked again under the key's lock: a DisableKey or ScheduleKeyDeletion may have won the race.
      (current) => (current.keyState === 'Enabled' ? {} : null),
      (version) => this.wrapNewVersion(key.id, version),
      this.clock(),
    );
    if (!rotated) throw kmsError(KmsErrorCode.InvalidState, `${keyArn(key.id)} is no longer enabled.`);
    this.logger.log({ keyId: rotated.id, version: rotated.currentVersion, trigger: 'on-demand' }, 'key rotated');
    return rotated;
  }

  /**
   * Rotates every key with automatic rotation enabled whose next rotation
   * date has passed, and moves that date one period past now (not past the
   * old date: a kms that was down for months rotates once, not once per
   * missed period). The due check is repeated under the key's lock, so two
   * kms processes never rotate the same key twice. Returns how many rotated.
   */
  async rotateDueKeys(): Promise<number> {
    let rotated = 0;
    for (;;) {
      const now = this.clock();
      const due = await this.keys.keysDueForRotation(now, ROTATION_BATCH);
      let progressed = false;
      for (const candidate of due) {
        const key = await this.keys.rotateKey(
          candidate.id,
          'AUTOMATIC',
          (current) => {
            if (current.keyState !== 'Enabled' || !current.rotationEnabled || !current.nextRotationAt || current.nextRotationAt > now) return null;
            return { nextRotationAt: this.rotationFrom(now, current.rotationPeriodDays ?? DEFAULT_ROTATION_PERIOD_DAYS).nextRotationAt };
          },
          (version) => this.wrapNewVersion(candidate.id, version),
          now,
        );
        if (!key) continue;
        rotated += 1;
        progressed = true;
        this.logger.log({ keyId: key.id, version: key.currentVersion, nextRotationAt: key.nextRotationAt, trigger: 'schedule' }, 'key rotated');
      }
      if (due.length < ROTATION_BATCH || !progressed) return rotated;
    }
  }

  /** AWS ListKeyRotations: every rotation of the key, oldest first; the marker is the last version of the previous page. */
  async listKeyRotations(reference: string, limit: number, marker?: string): Promise<Page<KeyVersion>> {
    const key = await this.resolveKeyByIdOrArn(reference);
    if (marker !== undefined && !/^[1-9]\d{0,9}$/.test(marker)) throw kmsError(KmsErrorCode.InvalidMarker, 'The marker is not valid.');
    const rows = await this.keys.listRotations(key.id, limit + 1, marker === undefined ? undefined : Number(marker));
    return page(rows, limit, (row) => String(row.version));
  }

  /**
   * AWS ScheduleKeyDeletion: the key becomes PendingDeletion, unusable for
   * any cryptographic operation, until `pendingWindowDays` from now. This
   * emulator never destroys a key: after the date it simply stays
   * PendingDeletion (still unusable, still cancellable), because a wrongly
   * deleted master key would make every card under it unrecoverable.
   */
  async scheduleKeyDeletion(reference: string, pendingWindowDays = DEFAULT_PENDING_WINDOW_DAYS): Promise<Key> {
    const key = await this.resolveKeyByIdOrArn(reference);
    const deletionDate = new Date(this.clock().getTime() + pendingWindowDays * DAY_MS);
    const scheduled = await this.keys.scheduleDeletion(key.id, deletionDate, pendingWindowDays);
    if (!scheduled) throw kmsError(KmsErrorCode.InvalidState, `${keyArn(key.id)} is pending deletion.`);
    this.logger.warn({ keyId: key.id, deletionDate, pendingWindowDays }, 'key deletion scheduled');
    return scheduled;
  }

  /** AWS CancelKeyDeletion: the key leaves PendingDeletion as Disabled; EnableKey makes it usable again. */
  async cancelKeyDeletion(reference: string): Promise<Key> {
    const key = await this.resolveKeyByIdOrArn(reference);
    const cancelled = await this.keys.cancelDeletion(key.id);
    if (!cancelled) throw kmsError(KmsErrorCode.InvalidState, `${keyArn(key.id)} is not pending deletion.`);
    this.logger.log({ keyId: key.id }, 'key deletion cancelled; the key is disabled');
    return cancelled;
  }

  /** AWS EnableKey and DisableKey; neither applies to a key pending deletion. Idempotent otherwise, as in AWS. */
  async setKeyEnabled(reference: string, enabled: boolean): Promise<void> {
    const key = await this.resolveKeyByIdOrArn(reference);
    if (!(await this.keys.setEnabled(key.id, enabled))) throw kmsError(KmsErrorCode.InvalidState, `${keyArn(key.id)} is pending deletion.`);
    this.logger.log({ keyId: key.id, enabled }, enabled ? 'key enabled' : 'key disabled');
  }

  /**
   * Emulator extension (no AWS equivalent): disables one version of a key so
   * ciphertexts under it stop decrypting, to prove after a rewrap that
   * nothing still needs it. The current version cannot be disabled.
   */
  async disableKeyVersion(reference: string, version: number): Promise<void> {
    const key = await this.resolveKey(reference);
    if (version === key.currentVersion) throw kmsError(KmsErrorCode.InvalidState, 'The current key version cannot be disabled; rotate the key first.');
    if (!(await this.keys.disableVersion(key.id, version))) throw kmsError(KmsErrorCode.NotFound, `Key '${reference}' has no version ${version}`);
    this.logger.warn({ keyId: key.id, version }, 'key version disabled');
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
    refuseUnlessEnabled(row.key);
    if (!row.enabled) {
      // Someone still needs a version that was retired: worth a look in the logs.
      this.logger.warn({ keyId, version }, 'refused: the ciphertext is under a disabled key version');
      throw kmsError(KmsErrorCode.Disabled, 'The key version that encrypted this ciphertext is disabled.');
    }
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

  private wrapNewVersion(keyId: string, version: number): WrappedMaterial {
    const material = randomBytes(AES_KEY_BYTES);
    try {
      const sealed = this.rootKeyring.wrap({ keyId, version }, material);
      return { wrappedMaterial: sealed.ciphertext, iv: sealed.iv, tag: sealed.tag };
    } finally {
      material.fill(0);
    }
  }

  private rotationFrom(from: Date, periodDays: number): RotationSettings {
    return { periodDays, nextRotationAt: new Date(from.getTime() + periodDays * DAY_MS) };
  }
}

/**
 * Every cryptographic use and every rotation needs an Enabled key. The AWS
 * exceptions differ by state: DisabledException for a disabled key,
 * KMSInvalidStateException for one pending deletion.
 */
function refuseUnlessEnabled(key: Key): Key {
  if (key.keyState === 'Disabled') throw kmsError(KmsErrorCode.Disabled, `${keyArn(key.id)} is disabled.`);
  if (key.keyState === 'PendingDeletion') throw kmsError(KmsErrorCode.InvalidState, `${keyArn(key.id)} is pending deletion.`);
  return key;
}

function page<T>(rows: T[], limit: number, markerOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items, nextMarker: markerOf(items[items.length - 1]) } : { items };
}
