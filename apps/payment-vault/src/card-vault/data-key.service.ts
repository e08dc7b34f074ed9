import { DecryptCommand, DescribeKeyCommand, GenerateDataKeyCommand, type KMSClient, KMSServiceException, ReEncryptCommand } from '@aws-sdk/client-kms';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { loadTlsIdentity } from '@storefront/platform/mtls';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { CardVaultError, cardVaultError } from './card-vault.errors';
import { createKmsClient } from './kms-client.factory';

/** KMS encryption context: not secret, but it must be presented again to unwrap the data key. */
export type KeyContext = Readonly<Record<string, string>>;

export interface NewDataKey {
  /** 32 bytes; the caller zeroes it (encryptWithDataKey does). */
  plaintextKey: Buffer;
  /** The data key wrapped by the KMS master key: the only form that is stored. */
  wrappedKey: Buffer;
  /** The ARN of the master key, stored with the card so Decrypt can name it. */
  kmsKeyId: string;
  /** Which generation of the master key wrapped it (KMS KeyMaterialId). */
  kmsKeyMaterialId: string;
}

export interface RewrappedDataKey {
  wrappedKey: Buffer;
  kmsKeyId: string;
  kmsKeyMaterialId: string;
}

// KMS answers that mean "this ciphertext is not what you say it is", as opposed to "the KMS is unavailable".
const REJECTED_CIPHERTEXT = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

/** Data keys from the KMS: generate one per card, unwrap it to charge. Every failure is mapped to a vault error. */
@Injectable()
export class DataKeyService implements OnModuleDestroy {
  private readonly logger = new Logger(DataKeyService.name);
  private readonly kms: KMSClient;
  private readonly masterKeyAlias: string;

  constructor(@Inject(VAULT_CONFIG) config: VaultConfig) {
    this.kms = createKmsClient(config.KMS_URL, loadTlsIdentity(config.TLS_DIR, 'payment-vault'));
    this.masterKeyAlias = config.KMS_KEY_ALIAS;
  }

  async generate(context: KeyContext): Promise<NewDataKey> {
    try {
      const result = await this.kms.send(new GenerateDataKeyCommand({ KeyId: this.masterKeyAlias, KeySpec: 'AES_256', EncryptionContext: { ...context } }));
      if (!result.Plaintext || !result.CiphertextBlob || !result.KeyId || !result.KeyMaterialId) throw new Error('GenerateDataKey returned an incomplete answer');
      return { plaintextKey: asBuffer(result.Plaintext), wrappedKey: Buffer.from(result.CiphertextBlob), kmsKeyId: result.KeyId, kmsKeyMaterialId: result.KeyMaterialId };
    } catch (error) {
      throw this.unavailable(error, 'GenerateDataKey');
    }
  }

  /** Unwraps a stored data key; the caller zeroes the result (decryptWithDataKey does). */
  async unwrap(wrappedKey: Uint8Array, kmsKeyId: string, context: KeyContext): Promise<Buffer> {
    try {
      const result = await this.kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, KeyId: kmsKeyId, EncryptionContext: { ...context } }));
      if (!result.Plaintext) throw new Error('Decrypt returned no plaintext');
      return asBuffer(result.Plaintext);
    } catch (error) {
      if (error instanceof KMSServiceException && REJECTED_CIPHERTEXT.has(error.name)) {
        this.logger.error({ kmsError: error.name }, 'the KMS refused to unwrap a stored data key');
        throw cardVaultError(CardVaultError.CardUnreadable, 'The stored card could not be read.');
      }
      throw this.unavailable(error, 'Decrypt');
    }
  }

  /** The KeyMaterialId new data keys are wrapped under: rows with any other value need a rewrap. */
  async currentKeyMaterialId(): Promise<string> {
    try {
      const result = await this.kms.send(new DescribeKeyCommand({ KeyId: this.masterKeyAlias }));
      const id = result.KeyMetadata?.CurrentKeyMaterialId;
      if (!id) throw new Error('DescribeKey returned no CurrentKeyMaterialId');
      return id;
    } catch (error) {
      throw this.unavailable(error, 'DescribeKey');
    }
  }

  /**
   * Moves a wrapped data key to the master key's current generation with
   * KMS ReEncrypt: the KMS unwraps and rewraps internally, so the plaintext
   * data key never reaches the vault (and no card number is touched).
   */
  async rewrap(wrappedKey: Uint8Array, kmsKeyId: string, context: KeyContext): Promise<RewrappedDataKey> {
    try {
      const result = await this.kms.send(
        new ReEncryptCommand({
          CiphertextBlob: wrappedKey,
          SourceKeyId: kmsKeyId,
          SourceEncryptionContext: { ...context },
          DestinationKeyId: this.masterKeyAlias,
          DestinationEncryptionContext: { ...context },
        }),
      );
      if (!result.CiphertextBlob || !result.KeyId || !result.DestinationKeyMaterialId) throw new Error('ReEncrypt returned an incomplete answer');
      return { wrappedKey: Buffer.from(result.CiphertextBlob), kmsKeyId: result.KeyId, kmsKeyMaterialId: result.DestinationKeyMaterialId };
    } catch (error) {
      if (error instanceof KMSServiceException && REJECTED_CIPHERTEXT.has(error.name)) {
        this.logger.error({ kmsError: error.name }, 'the KMS refused to re-encrypt a stored data key');
        throw cardVaultError(CardVaultError.CardUnreadable, 'The stored card could not be read.');
      }
      throw this.unavailable(error, 'ReEncrypt');
    }
  }

  onModuleDestroy(): void {
    this.kms.destroy();
  }

  private unavailable(error: unknown, operation: string) {
    // Log the kind of failure, never the request: it may carry key material.
    const reason = error instanceof Error ? error.name : 'unknown';
    const code = (error as { code?: unknown } | undefined)?.code;
    this.logger.error({ operation, reason, code: typeof code === 'string' ? code : undefined }, 'the KMS call failed');
    return cardVaultError(CardVaultError.ServiceUnavailable, 'The key service is not reachable right now. Try again shortly.');
  }
}

// A Buffer view over the SDK's Uint8Array (no copy), so zeroing the Buffer wipes the SDK's bytes too.
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
