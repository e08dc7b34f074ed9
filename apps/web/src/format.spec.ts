import { describe, expect, it } from 'vitest';
import { formatBrand, formatCard, formatPrice, formatStatus, formatTime } from './format';

describe('formatPrice', () => {
  it('formats integer cents as money', () => {
    expect(formatPrice(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(formatPrice(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatPrice(123456789, 'EUR', 'en-US')).toBe('€1,234,567.89');
  });

  it('uses the currency’s own minor unit', () => {
    expect(formatPrice(500, 'JPY', 'en-US')).toBe('¥500');
  });

  it('does not throw on an unknown currency or a non-integer amount', () => {
    expect(formatPrice(1050, 'XX1', 'en-US')).toBe('10.50 XX1');
    expect(formatPrice(Number.NaN, 'USD', 'en-US')).toBe('—');
    expect(formatPrice(10.5, 'USD', 'en-US')).toBe('—');
  });
});

describe('formatCard', () => {
  it('shows brand and last four only', () => {
    expect(formatCard('visa', '4242')).toBe('Visa •••• 4242');
    expect(formatCard('MASTERCARD', '4444')).toBe('Mastercard •••• 4444');
  });

  it('never shows more than four digits even if given a full number', () => {
    expect(formatCard('visa', '4242424242424242')).toBe('Visa •••• 4242');
  });

  it('degrades gracefully when brand or digits are missing', () => {
    expect(formatCard(undefined, undefined)).toBe('Card ••••');
    expect(formatBrand('elo')).toBe('Elo');
  });
});

describe('formatStatus', () => {
  it('turns codes into words', () => {
    expect(formatStatus('PAYMENT_FAILED')).toBe('Payment failed');
    expect(formatStatus('paid')).toBe('Paid');
    expect(formatStatus('')).toBe('Unknown');
  });
});

describe('formatTime', () => {
  it('shows a time to the second, and nothing for a missing or bad date', () => {
    expect(formatTime('2026-11-25T14:03:27.000Z', 'en-GB')).toMatch(/^\d\d:03:27$/);
    expect(formatTime(undefined)).toBe('');
    expect(formatTime('not a date')).toBe('');
  });
});
