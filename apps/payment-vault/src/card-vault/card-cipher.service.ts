import { Injectable, Logger } from '@nestjs/common';
import { decryptWithDataKey, encryptWithDataKey, type SealedBytes } from '@storefront/vault/crypto';
import { CardVaultError, cardVaultError } from './card-vault.errors';
import { DataKeyService, type KeyContext, type RewrappedDataKey } from './data-key.service';

/** A card number as stored: AES-256-GCM ciphertext plus the KMS-wrapped data key that opens it. */
export interface SealedPan extends SealedBytes {
  wrappedKey: Uint8Array;
  kmsKeyId: string;
  /** KMS KeyMaterialId of the generation that wrapped the key; null for rows stored before it was recorded. */
  kmsKeyMaterialId: string | null;
}

/*
 * Binding: the card token is the AES-GCM AAD of the PAN ciphertext AND part
 * of the KMS encryption context of its data key. A ciphertext or wrapped key
 * copied onto another card's row therefore fails twice over.
 */
const aadFor = (cardToken: string) => Buffer.from(cardToken, 'utf8');
const contextFor = (cardToken: string): KeyContext => ({ purpose: 'card-pan', cardToken });

/** Envelope encryption of card numbers: a fresh data key per card, wrapped by the KMS master key. */
@Injectable()
export class CardCipherService {
  private readonly logger = new Logger(CardCipherService.name);

  constructor(private readonly dataKeys: DataKeyService) {}

  async seal(cardToken: string, pan: Buffer): Promise<SealedPan> {
    const dataKey = await this.dataKeys.generate(contextFor(cardToken));
    // encryptWithDataKey zeroes the plaintext data key: only the wrapped copy outlives this call.
    const sealed = encryptWithDataKey(dataKey.plaintextKey, pan, aadFor(cardToken));
    return { ...sealed, wrappedKey: dataKey.wrappedKey, kmsKeyId: dataKey.kmsKeyId, kmsKeyMaterialId: dataKey.kmsKeyMaterialId };
  }

  /** Rewraps the card's data key under the master key's current generation; the PAN ciphertext is untouched. */
  rewrapKey(cardToken: string, wrappedKey: Uint8Array, kmsKeyId: string): Promise<RewrappedDataKey> {
    return this.dataKeys.rewrap(wrappedKey, kmsKeyId, contextFor(cardToken));
  }

  currentKeyMaterialId(): Promise<string> {
    return this.dataKeys.currentKeyMaterialId();
  }

  /** The PAN digits as a Buffer the caller must zero as soon as it is done. */
  async open(cardToken: string, sealed: SealedPan): Promise<Buffer> {
    const dataKey = await this.dataKeys.unwrap(sealed.wrappedKey, sealed.kmsKeyId, contextFor(cardToken));
    try {
      return decryptWithDataKey(dataKey, sealed, aadFor(cardToken));
    } catch {
      this.logger.error('a stored card failed authenticated decryption (tampered, or moved to another token)');
      throw cardVaultError(CardVaultError.CardUnreadable, 'The stored card could not be read.');
    }
  }
}
