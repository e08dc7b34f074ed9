import { passesLuhn } from './luhn';

// 13–19 digits, optionally grouped by single spaces or dashes, not glued to other digits.
const CANDIDATE_PAN = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

export const PAN_PLACEHOLDER = '[PAN]';

/**
 * Replaces every Luhn-valid 13–19 digit run with [PAN]. Used by the logger on
 * every string it writes, so a card number pasted into any field is caught
 * even when nobody thought to redact that field by name.
 */
export function scrubPans(text: string): string {
  if (text.length < 13) return text;
  return text.replace(CANDIDATE_PAN, (match) => (passesLuhn(match.replace(/[ -]/g, '')) ? PAN_PLACEHOLDER : match));
}
