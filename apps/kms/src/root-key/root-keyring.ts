import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { openAesGcm, sealAesGcm, type SealedBytes, type SealedData } from '@storefront/vault/crypto';
import { KMS_CONFIG, type KmsConfig } from '../config/kms.config';
import { readRootKey } from './read-root-key';

/** Who a piece of key material belongs to; bound into the wrapping as AAD. */
export interface KeyVersionRef {
  keyId: string;
  version: number;
}

/**
 * Holds the root key in memory and wraps/unwraps CMK material with it. The
 * root key never leaves this class and is never written to the database, so
 * a stolen database dump alone decrypts nothing.
 */
@Injectable()
export class RootKeyring implements OnModuleDestroy {
  private readonly rootKey: Buffer;

  constructor(@Inject(KMS_CONFIG) config: KmsConfig) {
    this.rootKey = readRootKey(config.KMS_ROOT_KEY_FILE);
  }

  wrap(ref: KeyVersionRef, material: Buffer): SealedData {
    return sealAesGcm(this.rootKey, material, wrappingAad(ref));
  }

  /** Throws when the wrapped material was tampered with or moved to another key or version. */
  unwrap(ref: KeyVersionRef, wrapped: SealedBytes): Buffer {
    return openAesGcm(this.rootKey, wrapped, wrappingAad(ref));
  }

  onModuleDestroy(): void {
    this.rootKey.fill(0);
  }
}

// The AAD names the key and version, so swapping wrapped material between rows in the database is detected on unwrap.
function wrappingAad({ keyId, version }: KeyVersionRef): Buffer {
  return Buffer.from(`storefront-kms/key-material/v1/${keyId}/${version}`, 'utf8');
}
