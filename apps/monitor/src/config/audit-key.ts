import { readFileSync } from 'node:fs';
import { InvalidConfigError } from '@storefront/platform/config';

const MIN_KEY_BYTES = 32;

/**
 * Reads the audit log's HMAC key once at startup. A missing or short key is
 * a configuration error: without it the chain proves nothing.
 */
export function loadAuditKey(file: string): Buffer {
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    throw new InvalidConfigError('monitor', [{ variable: 'AUDIT_HMAC_KEY_FILE', rule: 'must name a readable file' }]);
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new InvalidConfigError('monitor', [{ variable: 'AUDIT_HMAC_KEY_FILE', rule: `must hold at least ${MIN_KEY_BYTES} bytes of base64-encoded key` }]);
  }
  return key;
}
