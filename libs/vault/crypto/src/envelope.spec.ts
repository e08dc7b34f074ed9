import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptWithDataKey, encryptWithDataKey, openAesGcm, sealAesGcm, type SealedData } from './index';

const PAN = Buffer.from('4242424242424242');
const TOKEN_A = Buffer.from('tok_AAAAAAAAAAAAAAAAAAAAAAAA');
const TOKEN_B = Buffer.from('tok_BBBBBBBBBBBBBBBBBBBBBBBB');

/** A data key and a copy of it, because both helpers zero the key they are given. */
function dataKey(): { key: Buffer; copy: () => Buffer } {
  const key = randomBytes(32);
  const original = Buffer.from(key);
  return { key, copy: () => Buffer.from(original) };
}

function flipFirstBit(buffer: Buffer): Buffer {
  const tampered = Buffer.from(buffer);
  tampered[0] ^= 0x01;
  return tampered;
}

describe('envelope encryption with a data key', () => {
  it('round-trips data encrypted and decrypted with the same key and AAD', () => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    expect(decryptWithDataKey(copy(), sealed, TOKEN_A)).toEqual(PAN);
  });

  it('uses a 12-byte random IV and a 16-byte tag, and never leaves the plaintext in the ciphertext', () => {
    const { copy } = dataKey();
    const first = encryptWithDataKey(copy(), PAN, TOKEN_A);
    const second = encryptWithDataKey(copy(), PAN, TOKEN_A);
    expect(first.iv).toHaveLength(12);
    expect(first.tag).toHaveLength(16);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.includes(PAN)).toBe(false);
  });

  it('zeroes the plaintext data key after encrypting and after decrypting', () => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    expect(key.every((byte) => byte === 0)).toBe(true);
    const again = copy();
    decryptWithDataKey(again, sealed, TOKEN_A);
    expect(again.every((byte) => byte === 0)).toBe(true);
  });

  it('zeroes the data key even when decryption fails', () => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    const again = copy();
    expect(() => decryptWithDataKey(again, sealed, TOKEN_B)).toThrow();
    expect(again.every((byte) => byte === 0)).toBe(true);
  });

  it.each<[string, (sealed: SealedData) => SealedData]>([
    ['ciphertext', (s) => ({ ...s, ciphertext: flipFirstBit(s.ciphertext) })],
    ['tag', (s) => ({ ...s, tag: flipFirstBit(s.tag) })],
    ['IV', (s) => ({ ...s, iv: flipFirstBit(s.iv) })],
    ['tag truncated to 12 bytes', (s) => ({ ...s, tag: s.tag.subarray(0, 12) })],
  ])('refuses to decrypt when the %s was tampered with', (_part, tamper) => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    expect(() => decryptWithDataKey(copy(), tamper(sealed), TOKEN_A)).toThrow();
  });

  it('refuses to decrypt with tampered AAD', () => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    expect(() => decryptWithDataKey(copy(), sealed, flipFirstBit(TOKEN_A))).toThrow();
  });

  it("refuses to decrypt a card's ciphertext under another token id (AAD binds ciphertext to its token)", () => {
    const { key, copy } = dataKey();
    const sealed = encryptWithDataKey(key, PAN, TOKEN_A);
    expect(() => decryptWithDataKey(copy(), sealed, TOKEN_B)).toThrow();
  });

  it('refuses to decrypt with another data key', () => {
    const sealed = encryptWithDataKey(randomBytes(32), PAN, TOKEN_A);
    expect(() => decryptWithDataKey(randomBytes(32), sealed, TOKEN_A)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encryptWithDataKey(randomBytes(16), PAN, TOKEN_A)).toThrow(/32-byte key/);
  });
});

describe('sealAesGcm / openAesGcm for long-lived keys', () => {
  it('round-trips and leaves the key untouched', () => {
    const key = randomBytes(32);
    const before = Buffer.from(key);
    const sealed = sealAesGcm(key, PAN, TOKEN_A);
    expect(openAesGcm(key, sealed, TOKEN_A)).toEqual(PAN);
    expect(key.equals(before)).toBe(true);
  });
});
