import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InvalidConfigError } from '@storefront/platform/config';
import { cardFingerprint, describeKeyFileProblem, readBase64KeyFile } from '@storefront/vault/crypto';
import { FINGERPRINT_KEY_BYTES, VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';

// The config loader already checked the file; this guards against it changing in between.
function readFingerprintKey(file: string): Buffer {
  const result = readBase64KeyFile(file, FINGERPRINT_KEY_BYTES);
  if ('key' in result) return result.key;
  throw new InvalidConfigError('payment-vault', [{ variable: 'FINGERPRINT_KEY_FILE', rule: describeKeyFileProblem(result.problem, FINGERPRINT_KEY_BYTES) }]);
}

/** Keyed fingerprints of card numbers (HMAC-SHA256), to recognise a card again without storing it. */
@Injectable()
export class CardFingerprintService implements OnModuleDestroy {
  private readonly key: Buffer;

  constructor(@Inject(VAULT_CONFIG) config: VaultConfig) {
    this.key = readFingerprintKey(config.FINGERPRINT_KEY_FILE);
  }

  of(pan: string): string {
    return cardFingerprint(this.key, pan);
  }

  onModuleDestroy(): void {
    this.key.fill(0);
  }
}
