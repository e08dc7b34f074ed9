import { createHmac } from 'node:crypto';

const MIN_FINGERPRINT_KEY_BYTES = 32;

/**
 * A stable, keyed fingerprint of a card number (HMAC-SHA256, hex), so the
 * vault can recognise the same card twice without storing it. Never a bare
 * hash: the PAN space is small enough (about 10^15 per issuer range, with
 * Luhn) that an unkeyed SHA-256 could be reversed by enumeration.
 */
export function cardFingerprint(hmacKey: Uint8Array, pan: string | Uint8Array): string {
  if (hmacKey.byteLength < MIN_FINGERPRINT_KEY_BYTES) {
    throw new Error(`the card fingerprint key must be at least ${MIN_FINGERPRINT_KEY_BYTES} bytes`);
  }
  return createHmac('sha256', hmacKey).update(pan).digest('hex');
}
