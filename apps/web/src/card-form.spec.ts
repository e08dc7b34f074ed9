import { describe, expect, it } from 'vitest';
import { groupCardNumber, parseCardFields } from './card-form';

const NOW = new Date(2026, 5, 15); // June 2026
const valid = { number: '4242 4242 4242 4242', expMonth: '12', expYear: '2028', cvc: '123', holder: ' Ada Lovelace ' };

describe('parseCardFields', () => {
  it('strips separators and converts the expiry to numbers', () => {
    expect(parseCardFields(valid, NOW)).toEqual({
      ok: true,
      card: { number: '4242424242424242', expMonth: 12, expYear: 2028, cvc: '123', holder: 'Ada Lovelace' },
    });
  });

  it('reads a two-digit year as 20YY', () => {
    expect(parseCardFields({ ...valid, expYear: '28' }, NOW)).toMatchObject({ ok: true, card: { expYear: 2028 } });
  });

  it('accepts the current month and rejects a past one', () => {
    expect(parseCardFields({ ...valid, expMonth: '6', expYear: '2026' }, NOW).ok).toBe(true);
    expect(parseCardFields({ ...valid, expMonth: '5', expYear: '2026' }, NOW)).toEqual({ ok: false, message: 'This card has expired.' });
  });

  it('rejects malformed fields with a message naming the field', () => {
    expect(parseCardFields({ ...valid, number: '4242' }, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/card number/) });
    expect(parseCardFields({ ...valid, expMonth: '13' }, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/month/) });
    expect(parseCardFields({ ...valid, cvc: '12a' }, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/security code/) });
    expect(parseCardFields({ ...valid, holder: ' ' }, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/name/) });
  });

  it('leaves the Luhn check to the vault', () => {
    expect(parseCardFields({ ...valid, number: '4242424242424241' }, NOW).ok).toBe(true);
  });
});

describe('groupCardNumber', () => {
  it('groups digits in fours and drops everything else', () => {
    expect(groupCardNumber('4242-4242x4242 4242')).toBe('4242 4242 4242 4242');
    expect(groupCardNumber('42424')).toBe('4242 4');
  });
});
