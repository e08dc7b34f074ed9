import { describe, expect, it } from 'vitest';
import { OncePerWindow } from './once-per-window';

describe('OncePerWindow', () => {
  it('reports a key once per window', () => {
    let now = 0;
    const once = new OncePerWindow(() => now);
    expect(once.first('1.2.3.4', 1000)).toBe(true);
    expect(once.first('1.2.3.4', 1000)).toBe(false);
    expect(once.first('5.6.7.8', 1000)).toBe(true);
    now = 1000;
    expect(once.first('1.2.3.4', 1000)).toBe(true);
  });
});
