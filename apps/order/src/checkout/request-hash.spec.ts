import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRequest } from './request-hash';

describe('hashRequest', () => {
  it('is the same for the same request whatever the key order', () => {
    const a = { cardToken: 'tok_1', shippingAddress: { name: 'A', city: 'B', country: 'US' } };
    const b = { shippingAddress: { country: 'US', city: 'B', name: 'A' }, cardToken: 'tok_1' };
    expect(hashRequest(a)).toBe(hashRequest(b));
    expect(hashRequest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value differs', () => {
    const a = { cardToken: 'tok_1', shippingAddress: { name: 'A' } };
    expect(hashRequest(a)).not.toBe(hashRequest({ ...a, cardToken: 'tok_2' }));
    expect(hashRequest(a)).not.toBe(hashRequest({ ...a, shippingAddress: { name: 'B' } }));
  });

  it('ignores absent optional fields and keeps strings unambiguous', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ 'a":1,"b': 2 })).toBe('{"a\\":1,\\"b":2}');
  });
});
