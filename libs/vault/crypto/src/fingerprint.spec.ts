import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cardFingerprint } from './index';

const PAN = '4242424242424242';

describe('cardFingerprint', () => {
  it('is stable for the same key and card number', () => {
    const key = randomBytes(32);
    expect(cardFingerprint(key, PAN)).toBe(cardFingerprint(key, PAN));
    expect(cardFingerprint(key, PAN)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is keyed: another key gives another fingerprint for the same card', () => {
    expect(cardFingerprint(randomBytes(32), PAN)).not.toBe(cardFingerprint(randomBytes(32), PAN));
  });

  it('is not a bare SHA-256 of the card number', () => {
    expect(cardFingerprint(randomBytes(32), PAN)).not.toBe(createHash('sha256').update(PAN).digest('hex'));
  });

  it('differs for different cards under the same key', () => {
    const key = randomBytes(32);
    expect(cardFingerprint(key, PAN)).not.toBe(cardFingerprint(key, '4000000000000002'));
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => cardFingerprint(randomBytes(16), PAN)).toThrow(/at least 32 bytes/);
  });
});
