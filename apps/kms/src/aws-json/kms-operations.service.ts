import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { DataKeysService } from '../data-keys/data-keys.service';
import { keyMaterialId } from '../keys/key-material-id';
import { keyArn } from '../keys/kms-arn';
import { KeysService } from '../keys/keys.service';
import {
  createAliasRequest,
  createKeyRequest,
  decryptRequest,
  describeKeyRequest,
  disableKeyRotationRequest,
  disableKeyVersionRequest,
  enableKeyRotationRequest,
  encryptRequest,
  generateDataKeyRequest,
  getKeyRotationStatusRequest,
  keyOnlyRequest,
  listKeyRotationsRequest,
  listAliasesRequest,
  listKeysRequest,
  parseRequest,
  reEncryptRequest,
  rotateKeyOnDemandRequest,
  scheduleKeyDeletionRequest,
} from './kms-requests';
import { type KmsOperation, operationFromTarget } from './kms-operation';
import { aliasListEntry, base64AndZero, epochSeconds, keyListEntry, keyMetadata, paging, rotationListEntry } from './kms-responses';

const DEFAULT_PAGE_SIZE = 100;
const ENCRYPTION_ALGORITHM = 'SYMMETRIC_DEFAULT';
const DATA_KEY_BYTES = { AES_256: 32, AES_128: 16 } as const;

type Handler = (body: unknown) => Promise<object>;

/** Binds a request schema to its handler: the body is validated before the handler sees it. */
function operation<Schema extends z.ZodType>(schema: Schema, run: (input: z.output<Schema>) => Promise<object>): Handler {
  return (body) => run(parseRequest(schema, body));
}

function refuseDryRun(dryRun: boolean | undefined): void {
  if (dryRun) throw kmsError(KmsErrorCode.UnsupportedOperation, 'DryRun is not supported by this emulator.');
}

/**
 * The AWS KMS JSON protocol ("TrentService" is KMS's service name in the
 * AWS model): picks the operation named by X-Amz-Target, validates its
 * input and shapes its output as AWS does, so @aws-sdk/client-kms works.
 */
@Injectable()
export class KmsOperationsService {
  private readonly handlers: Record<KmsOperation, Handler>;

  constructor(
    private readonly keys: KeysService,
    private readonly dataKeys: DataKeysService,
  ) {
    this.handlers = {
      CreateKey: operation(createKeyRequest, async (input) => {
        const unsupported = [
          input.KeyUsage !== undefined && input.KeyUsage !== 'ENCRYPT_DECRYPT' && `KeyUsage ${input.KeyUsage}`,
          input.KeySpec !== undefined && input.KeySpec !== 'SYMMETRIC_DEFAULT' && `KeySpec ${input.KeySpec}`,
          input.CustomerMasterKeySpec !== undefined && input.CustomerMasterKeySpec !== 'SYMMETRIC_DEFAULT' && `CustomerMasterKeySpec ${input.CustomerMasterKeySpec}`,
          input.Origin !== undefined && input.Origin !== 'AWS_KMS' && `Origin ${input.Origin}`,
          input.MultiRegion === true && 'MultiRegion',
        ].filter(Boolean);
        if (unsupported.length) throw kmsError(KmsErrorCode.UnsupportedOperation, `This emulator supports symmetric ENCRYPT_DECRYPT keys only (got ${unsupported.join(', ')}).`);
        return { KeyMetadata: keyMetadata(await this.keys.createKey(input.Description ?? '')) };
      }),

      DescribeKey: operation(describeKeyRequest, async (input) => ({ KeyMetadata: keyMetadata(await this.keys.resolveKey(input.KeyId)) })),

      ListKeys: operation(listKeysRequest, async (input) => {
        const page = await this.keys.listKeys(input.Limit ?? DEFAULT_PAGE_SIZE, input.Marker);
        return { Keys: page.items.map(keyListEntry), ...paging(page.nextMarker) };
      }),

      CreateAlias: operation(createAliasRequest, async (input) => {
        await this.keys.createAlias(input.AliasName, input.TargetKeyId);
        return {};
      }),

      ListAliases: operation(listAliasesRequest, async (input) => {
        const page = await this.keys.listAliases(input.Limit ?? DEFAULT_PAGE_SIZE, input.Marker, input.KeyId);
        return { Aliases: page.items.map(aliasListEntry), ...paging(page.nextMarker) };
      }),

      GenerateDataKey: operation(generateDataKeyRequest, async (input) => {
        refuseDryRun(input.DryRun);
        if (input.Recipient !== undefined) throw kmsError(KmsErrorCode.UnsupportedOperation, 'Recipient (Nitro Enclaves attestation) is not supported by this emulator.');
        const bytes = input.KeySpec ? DATA_KEY_BYTES[input.KeySpec] : (input.NumberOfBytes as number);
        const dataKey = await this.dataKeys.generateDataKey(input.KeyId, bytes, input.EncryptionContext);
        return {
          KeyId: keyArn(dataKey.key.id),
          CiphertextBlob: dataKey.ciphertextBlob.toString('base64'),
          Plaintext: base64AndZero(dataKey.plaintext),
          KeyMaterialId: keyMaterialId(dataKey.key.id, dataKey.keyVersion),
        };
      }),

      GenerateDataKeyWithoutPlaintext: operation(generateDataKeyRequest, async (input) => {
        refuseDryRun(input.DryRun);
        const bytes = input.KeySpec ? DATA_KEY_BYTES[input.KeySpec] : (input.NumberOfBytes as number);
        const dataKey = await this.dataKeys.generateDataKey(input.KeyId, bytes, input.EncryptionContext);
        // The whole point of this operation: the plaintext key never leaves, and is wiped here.
        dataKey.plaintext.fill(0);
        return { KeyId: keyArn(dataKey.key.id), CiphertextBlob: dataKey.ciphertextBlob.toString('base64'), KeyMaterialId: keyMaterialId(dataKey.key.id, dataKey.keyVersion) };
      }),

      Encrypt: operation(encryptRequest, async (input) => {
        refuseDryRun(input.DryRun);
        try {
          const encrypted = await this.dataKeys.encrypt(input.KeyId, input.Plaintext, input.EncryptionContext);
          return { KeyId: keyArn(encrypted.key.id), CiphertextBlob: encrypted.ciphertextBlob.toString('base64'), EncryptionAlgorithm: ENCRYPTION_ALGORITHM };
        } finally {
          input.Plaintext.fill(0);
        }
      }),

      Decrypt: operation(decryptRequest, async (input) => {
        refuseDryRun(input.DryRun);
        if (input.Recipient !== undefined) throw kmsError(KmsErrorCode.UnsupportedOperation, 'Recipient (Nitro Enclaves attestation) is not supported by this emulator.');
        const decrypted = await this.dataKeys.decrypt(input.CiphertextBlob, input.EncryptionContext, input.KeyId);
        return {
          KeyId: keyArn(decrypted.keyId),
          Plaintext: base64AndZero(decrypted.plaintext),
          EncryptionAlgorithm: ENCRYPTION_ALGORITHM,
          KeyMaterialId: keyMaterialId(decrypted.keyId, decrypted.keyVersion),
        };
      }),

      ReEncrypt: operation(reEncryptRequest, async (input) => {
        refuseDryRun(input.DryRun);
        const result = await this.dataKeys.reEncrypt(
          input.CiphertextBlob,
          { context: input.SourceEncryptionContext, keyReference: input.SourceKeyId },
          { keyReference: input.DestinationKeyId, context: input.DestinationEncryptionContext },
        );
        // Never a Plaintext member: the caller gets only the new blob and which material it moved from and to.
        return {
          CiphertextBlob: result.ciphertextBlob.toString('base64'),
          SourceKeyId: keyArn(result.sourceKeyId),
          KeyId: keyArn(result.key.id),
          SourceEncryptionAlgorithm: ENCRYPTION_ALGORITHM,
          DestinationEncryptionAlgorithm: ENCRYPTION_ALGORITHM,
          SourceKeyMaterialId: keyMaterialId(result.sourceKeyId, result.sourceKeyVersion),
          DestinationKeyMaterialId: keyMaterialId(result.key.id, result.keyVersion),
        };
      }),

      EnableKeyRotation: operation(enableKeyRotationRequest, async (input) => {
        await this.keys.enableKeyRotation(input.KeyId, input.RotationPeriodInDays);
        return {};
      }),

      DisableKeyRotation: operation(disableKeyRotationRequest, async (input) => {
        await this.keys.disableKeyRotation(input.KeyId);
        return {};
      }),

      RotateKeyOnDemand: operation(rotateKeyOnDemandRequest, async (input) => ({ KeyId: (await this.keys.rotateOnDemand(input.KeyId)).id })),

      ListKeyRotations: operation(listKeyRotationsRequest, async (input) => {
        if (input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL') throw kmsError(KmsErrorCode.UnsupportedOperation, 'IncludeKeyMaterial ALL_KEY_MATERIAL applies to imported key material, which this emulator does not support.');
        const page = await this.keys.listKeyRotations(input.KeyId, input.Limit ?? DEFAULT_PAGE_SIZE, input.Marker);
        return { Rotations: page.items.map(rotationListEntry), ...paging(page.nextMarker) };
      }),

      ScheduleKeyDeletion: operation(scheduleKeyDeletionRequest, async (input) => {
        const key = await this.keys.scheduleKeyDeletion(input.KeyId, input.PendingWindowInDays);
        // The update set both (a CHECK constraint keeps them with the state); the guard only satisfies the types.
        const deletionDate = key.deletionDate ? epochSeconds(key.deletionDate) : undefined;
        return { KeyId: keyArn(key.id), KeyState: key.keyState, DeletionDate: deletionDate, PendingWindowInDays: key.pendingWindowDays ?? undefined };
      }),

      CancelKeyDeletion: operation(keyOnlyRequest, async (input) => ({ KeyId: keyArn((await this.keys.cancelKeyDeletion(input.KeyId)).id) })),

      EnableKey: operation(keyOnlyRequest, async (input) => {
        await this.keys.setKeyEnabled(input.KeyId, true);
        return {};
      }),

      DisableKey: operation(keyOnlyRequest, async (input) => {
        await this.keys.setKeyEnabled(input.KeyId, false);
        return {};
      }),

      DisableKeyVersion: operation(disableKeyVersionRequest, async (input) => {
        await this.keys.disableKeyVersion(input.KeyId, input.Version);
        return {};
      }),

      GetKeyRotationStatus: operation(getKeyRotationStatusRequest, async (input) => {
        const key = await this.keys.resolveKey(input.KeyId);
        if (!key.rotationEnabled) return { KeyId: keyArn(key.id), KeyRotationEnabled: false };
        return {
          KeyId: keyArn(key.id),
          KeyRotationEnabled: true,
          RotationPeriodInDays: key.rotationPeriodDays ?? undefined,
          NextRotationDate: key.nextRotationAt ? epochSeconds(key.nextRotationAt) : undefined,
        };
      }),
    };
  }

  /** Runs the operation named by the X-Amz-Target header; an unknown or missing one is UnknownOperationException. */
  async dispatch(target: string | undefined, body: unknown): Promise<object> {
    const operation = operationFromTarget(target);
    if (!operation) throw kmsError(KmsErrorCode.UnknownOperation, 'The operation named by X-Amz-Target is not supported.');
    return this.handlers[operation](body);
  }
}
