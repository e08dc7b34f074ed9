import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { openAesGcm, sealAesGcm } from '@storefront/vault/crypto';
import type { Key } from '../generated/prisma/client';
import { KmsErrorCode, kmsError } from '../common/kms.errors';
import { KeysService, type KeyMaterial } from '../keys/keys.service';
import { blobHeader, decodeBlob, encodeBlob } from './ciphertext-blob';
import { canonicalContext, type EncryptionContext } from './encryption-context';

export interface Encrypted {
  key: Key;
  /** The key version the blob is under (AWS exposes it as a KeyMaterialId). */
  keyVersion: number;
  ciphertextBlob: Buffer;
}

export interface ReEncrypted extends Encrypted {
  sourceKeyId: string;
  sourceKeyVersion: number;
}

export interface DataKey extends Encrypted {
  /** The caller must zero this once it has been sent. */
  plaintext: Buffer;
}

export interface Decrypted {
  keyId: string;
  keyVersion: number;
  /** The caller must zero this once it has been sent. */
  plaintext: Buffer;
}

// AAD = the blob header (format, key id, key version) + the canonical encryption context.
function aadFor(keyId: string, keyVersion: number, context?: EncryptionContext): Buffer {
  return Buffer.concat([blobHeader(keyId, keyVersion), canonicalContext(context)]);
}

/** Symmetric cryptography under a CMK: data keys, Encrypt, Decrypt and ReEncrypt. CMK material is zeroed after every use. */
@Injectable()
export class DataKeysService {
  private readonly logger = new Logger(DataKeysService.name);

  constructor(private readonly keys: KeysService) {}

  async generateDataKey(keyReference: string, numberOfBytes: number, context?: EncryptionContext): Promise<DataKey> {
    const plaintext = randomBytes(numberOfBytes);
    const encrypted = await this.encrypt(keyReference, plaintext, context);
    return { ...encrypted, plaintext };
  }

  async encrypt(keyReference: string, plaintext: Buffer, context?: EncryptionContext): Promise<Encrypted> {
    const key = await this.keys.resolveKey(keyReference);
    const material = await this.keys.currentMaterial(key);
    return { key, keyVersion: material.version, ciphertextBlob: this.seal(material, plaintext, context) };
  }

  /**
   * AWS ReEncrypt: opens the blob (under whatever version of whichever key
   * it names, with the source context) and seals the same bytes under the
   * destination key's CURRENT version with the destination context. The
   * plaintext exists only inside this call and is zeroed before it returns.
   */
  async reEncrypt(
    blobBytes: Buffer,
    source: { context?: EncryptionContext; keyReference?: string },
    destination: { keyReference: string; context?: EncryptionContext },
  ): Promise<ReEncrypted> {
    const opened = await this.decrypt(blobBytes, source.context, source.keyReference);
    try {
      const encrypted = await this.encrypt(destination.keyReference, opened.plaintext, destination.context);
      return { ...encrypted, sourceKeyId: opened.keyId, sourceKeyVersion: opened.keyVersion };
    } finally {
      opened.plaintext.fill(0);
    }
  }

  /**
   * Decrypts a blob made by encrypt or generateDataKey. The blob names its
   * key and version; a caller that also names a key gets
   * IncorrectKeyException when it is another one. Any mismatch in
   * ciphertext, tag, header or encryption context is InvalidCiphertextException.
   */
  async decrypt(blobBytes: Buffer, context?: EncryptionContext, expectedKeyReference?: string): Promise<Decrypted> {
    const blob = decodeBlob(blobBytes);
    if (!blob) throw kmsError(KmsErrorCode.InvalidCiphertext, 'The ciphertext is not a ciphertext blob this service produced.');
    if (expectedKeyReference !== undefined) {
      const expected = await this.keys.resolveKey(expectedKeyReference);
      if (expected.id !== blob.keyId) throw kmsError(KmsErrorCode.IncorrectKey, 'The key ID in the request does not identify the key that encrypted the ciphertext.');
    }
    const material = await this.keys.materialFor(blob.keyId, blob.keyVersion);
    try {
      const plaintext = openAesGcm(material.material, blob, aadFor(blob.keyId, blob.keyVersion, context));
      return { keyId: blob.keyId, keyVersion: blob.keyVersion, plaintext };
    } catch {
      // A security signal: a tampered blob or a caller guessing the encryption context.
      this.logger.warn({ keyId: blob.keyId, keyVersion: blob.keyVersion }, 'decrypt refused: ciphertext or encryption context does not verify');
      throw kmsError(KmsErrorCode.InvalidCiphertext, 'The ciphertext or its encryption context is not valid.');
    } finally {
      material.material.fill(0);
    }
  }

  private seal(material: KeyMaterial, plaintext: Buffer, context?: EncryptionContext): Buffer {
    try {
      const sealed = sealAesGcm(material.material, plaintext, aadFor(material.keyId, material.version, context));
      return encodeBlob({ keyId: material.keyId, keyVersion: material.version, ...sealed });
    } finally {
      material.material.fill(0);
    }
  }
}
