import { InvalidConfigError } from '@storefront/platform/config';
import { AES_KEY_BYTES, describeKeyFileProblem, readBase64KeyFile } from '@storefront/vault/crypto';

/**
 * Reads the root key file (base64 of exactly 32 bytes). The config loader
 * has already checked it; this guards against the file changing in between,
 * with the same message naming the variable, never the content.
 */
export function readRootKey(file: string): Buffer {
  const result = readBase64KeyFile(file, AES_KEY_BYTES);
  if ('key' in result) return result.key;
  throw new InvalidConfigError('kms', [{ variable: 'KMS_ROOT_KEY_FILE', rule: describeKeyFileProblem(result.problem, AES_KEY_BYTES) }]);
}
