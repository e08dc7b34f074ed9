/** Formats an amount in minor units (cents) as money, honouring the currency's own number of decimals (JPY has none). */
export function formatPrice(minorUnits: number, currency: string, locale?: string): string {
  if (!Number.isSafeInteger(minorUnits)) return '—';
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    // Unknown currency code: still show the amount rather than break the page.
    return `${(minorUnits / 100).toFixed(2)} ${currency}`;
  }
  const decimals = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** decimals);
}

const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  americanexpress: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  dinersclub: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

export function formatBrand(brand: string | null | undefined): string {
  const key = (brand ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return BRAND_NAMES[key] ?? (key ? key[0].toUpperCase() + key.slice(1) : 'Card');
}

/**
 * "Visa •••• 4242". Never shows more than four digits, even if a response carried more:
 * the card number must not reach the page.
 */
export function formatCard(brand: string | null | undefined, last4: string | null | undefined): string {
  const digits = (last4 ?? '').replace(/\D/g, '');
  const tail = digits.length >= 4 ? digits.slice(-4) : '';
  return tail ? `${formatBrand(brand)} •••• ${tail}` : `${formatBrand(brand)} ••••`;
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "paid" → "Paid", "PAYMENT_FAILED" → "Payment failed". */
export function formatStatus(status: string | null | undefined): string {
  const words = (status ?? '').toLowerCase().replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Unknown';
}

/** "14:03:27": a time to the second, for live traces where minutes are too coarse. */
export function formatTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}
