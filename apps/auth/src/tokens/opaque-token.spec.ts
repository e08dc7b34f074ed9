import { describe, expect, it } from 'vitest';
import { hashOpaqueToken, isOpaqueToken, newOpaqueToken } from './opaque-token';

describe('opaque tokens', () => {
  it('are 32 random bytes in base64url and stored only as their SHA-256', () => {
    const { token, hash } = newOpaqueToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isOpaqueToken(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashOpaqueToken(token));
    expect(hash).not.toContain(token);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newOpaqueToken().token));
    expect(tokens.size).toBe(100);
  });

  it('reject anything that is not the expected shape before it reaches the database', () => {
    for (const value of [undefined, '', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, "' OR 1=1 --"]) expect(isOpaqueToken(value)).toBe(false);
  });
});
