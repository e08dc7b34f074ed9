import { describe, expect, it } from 'vitest';
import { detectBrand, normalizeCardNumber, passesLuhn, scrubPans } from './index';

describe('passesLuhn', () => {
  it('accepts the standard test cards', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4000000000000002')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
  });
  it('rejects a number with one digit changed', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
  });
  it('rejects anything that is not only digits', () => {
    expect(passesLuhn('4242 4242 4242 4242')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('detectBrand', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['9999999999999995', 'unknown'],
  ])('%s is %s', (pan, brand) => expect(detectBrand(pan)).toBe(brand));
});

describe('scrubPans', () => {
  it('replaces a grouped card number inside a sentence', () => {
    expect(scrubPans('card 4242 4242 4242 4242 was used')).toBe('card [PAN] was used');
    expect(scrubPans('x=4242-4242-4242-4242')).toBe('x=[PAN]');
  });
  it('leaves digit runs that fail Luhn, such as order numbers, alone', () => {
    expect(scrubPans('order 1234567890123 shipped')).toBe('order 1234567890123 shipped');
  });
  it('does not match inside a longer digit run', () => {
    const twentyDigits = '42424242424242424242';
    expect(scrubPans(twentyDigits)).toBe(twentyDigits);
  });
  it('normalizes typed separators', () => {
    expect(normalizeCardNumber('4242 4242-4242 4242')).toBe('4242424242424242');
  });
});
