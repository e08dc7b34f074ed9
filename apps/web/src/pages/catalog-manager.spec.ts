import { describe, expect, it } from 'vitest';
import { toCents } from './catalog-manager';

describe('toCents (the catalog page’s price field)', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['0.01', 1],
    [' 39 ', 3900],
    ['0.29', 29],
  ])('reads %j as %i cents', (typed, cents) => {
    expect(toCents(typed)).toBe(cents);
  });

  it.each(['0', '0.00', '-1', '1e3', '12.345', '12,50', '', 'abc', '1234567'])('refuses %j', (typed) => {
    expect(toCents(typed)).toBeNull();
  });
});
