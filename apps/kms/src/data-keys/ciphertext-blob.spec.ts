import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobHeader, decodeBlob, encodeBlob } from './ciphertext-blob';
import { canonicalContext } from './encryption-context';

describe('ciphertext blob format', () => {
  it('round-trips key id, key version, IV, tag and ciphertext', () => {
    const blob = { keyId: randomUUID(), keyVersion: 7, iv: randomBytes(12), tag: randomBytes(16), ciphertext: randomBytes(32) };
    expect(decodeBlob(encodeBlob(blob))).toEqual(blob);
  });

  it('starts with the format byte and the header it authenticates', () => {
    const keyId = randomUUID();
    const encoded = encodeBlob({ keyId, keyVersion: 1, iv: randomBytes(12), tag: randomBytes(16), ciphertext: randomBytes(1) });
    expect(encoded[0]).toBe(0x01);
    expect(encoded.subarray(0, 21)).toEqual(blobHeader(keyId, 1));
  });

  it('refuses a blob of an unknown format or too short to hold IV, tag and data', () => {
    const encoded = encodeBlob({ keyId: randomUUID(), keyVersion: 1, iv: randomBytes(12), tag: randomBytes(16), ciphertext: randomBytes(8) });
    expect(decodeBlob(Buffer.concat([Buffer.from([0x02]), encoded.subarray(1)]))).toBeUndefined();
    expect(decodeBlob(encoded.subarray(0, 49))).toBeUndefined();
    expect(decodeBlob(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('canonicalContext', () => {
  it('ignores the order of pairs', () => {
    expect(canonicalContext({ a: '1', b: '2' })).toEqual(canonicalContext({ b: '2', a: '1' }));
  });

  it('keeps contexts apart that a naive join would confuse', () => {
    expect(canonicalContext({ a: 'b,c' })).not.toEqual(canonicalContext({ a: 'b', c: '' }));
    expect(canonicalContext({})).not.toEqual(canonicalContext({ '': '' }));
  });
});
