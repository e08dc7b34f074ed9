import { describe, expect, it } from 'vitest';
import { isLocked, MAX_SIGN_IN_DELAY_MS, signInDelayMs } from './sign-in-policy';

describe('sign-in slow-down policy', () => {
  it('lets the first failures through without delay', () => {
    expect([0, 1, 2].map((failures) => signInDelayMs(failures, 0))).toEqual([0, 0, 0]);
  });

  it('doubles the delay from the third failure on an account, up to the cap', () => {
    expect([3, 4, 5, 6, 7, 8, 9].map((failures) => signInDelayMs(failures, 0))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('slows a source that failed against 20 or more distinct accounts, growing with each new one', () => {
    expect(signInDelayMs(0, 19)).toBe(0);
    expect(signInDelayMs(0, 20)).toBe(1000);
    expect(signInDelayMs(0, 21)).toBe(2000);
    expect(signInDelayMs(0, 500)).toBe(MAX_SIGN_IN_DELAY_MS);
  });

  it('takes the larger of the two delays', () => {
    expect(signInDelayMs(6, 20)).toBe(2000);
  });

  it('treats a lock as over once its end has passed', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date('2026-01-01T10:00:01Z'), now)).toBe(true);
    expect(isLocked(new Date('2026-01-01T10:00:00Z'), now)).toBe(false);
  });
});
