import { describe, expect, it } from 'vitest';
import { isExpired } from './card-expiry';

const now = new Date('2026-06-15T12:00:00Z');

describe('isExpired', () => {
  it('treats the current month as still valid', () => {
    expect(isExpired(6, 2026, now)).toBe(false);
  });
  it('treats last month and last year as expired', () => {
    expect(isExpired(5, 2026, now)).toBe(true);
    expect(isExpired(12, 2025, now)).toBe(true);
  });
  it('treats future months as valid', () => {
    expect(isExpired(7, 2026, now)).toBe(false);
    expect(isExpired(1, 2027, now)).toBe(false);
  });
});
