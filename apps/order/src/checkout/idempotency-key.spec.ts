import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('accepts 8 to 128 characters of [A-Za-z0-9_-]', () => {
    expect(parseIdempotencyKey('abcDEF12')).toBe('abcDEF12');
    expect(parseIdempotencyKey('a'.repeat(128))).toBe('a'.repeat(128));
    expect(parseIdempotencyKey('c0ffee_-c0ffee')).toBe('c0ffee_-c0ffee');
  });

  it('answers a missing key with 400 IDEMPOTENCY_KEY_REQUIRED', () => {
    expect(() => parseIdempotencyKey(undefined)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REQUIRED', status: 400 }));
    expect(() => parseIdempotencyKey('')).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REQUIRED' }));
  });

  it.each([['too short', 'abc1234'], ['too long', 'a'.repeat(129)], ['a space', 'abcd efgh'], ['a dot', 'abcd.efgh'], ['non-ASCII', 'clé-clé-clé'], ['a repeated header', ['abcdefgh', 'abcdefgh']]])(
    'answers a key with %s with 400 IDEMPOTENCY_KEY_INVALID',
    (_label, header) => {
      expect(() => parseIdempotencyKey(header)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_INVALID', status: 400 }));
    },
  );
});
