import type { CardInput } from './api/payments';

export interface RawCardFields {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
  holder: string;
}

export type CardParseResult = { ok: true; card: CardInput } | { ok: false; message: string };

/**
 * Shapes what was typed into the request the vault expects. Only the shape is checked here
 * (digits, month range, expiry not past); the vault is the authority on whether a card is valid.
 */
export function parseCardFields(fields: RawCardFields, now: Date = new Date()): CardParseResult {
  const number = fields.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) return { ok: false, message: 'Enter the card number (12 to 19 digits).' };

  const expMonth = Number(fields.expMonth.trim());
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) return { ok: false, message: 'Enter the expiry month as 1 to 12.' };

  const yearText = fields.expYear.trim();
  if (!/^(\d{2}|\d{4})$/.test(yearText)) return { ok: false, message: 'Enter the expiry year as YYYY.' };
  const expYear = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const thisMonth = now.getFullYear() * 12 + now.getMonth();
  if (expYear * 12 + (expMonth - 1) < thisMonth) return { ok: false, message: 'This card has expired.' };

  const cvc = fields.cvc.trim();
  if (!/^\d{3,4}$/.test(cvc)) return { ok: false, message: 'Enter the 3 or 4 digit security code.' };

  const holder = fields.holder.trim();
  if (!holder) return { ok: false, message: 'Enter the name on the card.' };

  return { ok: true, card: { number, expMonth, expYear, cvc, holder } };
}

/** "4242424242424242" → "4242 4242 4242 4242", for display while typing. */
export function groupCardNumber(value: string): string {
  return value
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
}
