export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

interface BrandRule {
  brand: CardBrand;
  lengths: number[];
  /** Inclusive ranges of the leading digits (issuer identification number). */
  prefixes: Array<[number, number]>;
}

// The common networks only; lengths and ranges as the networks publish them.
const BRAND_RULES: BrandRule[] = [
  { brand: 'visa', lengths: [13, 16, 19], prefixes: [[4, 4]] },
  { brand: 'mastercard', lengths: [16], prefixes: [[51, 55], [2221, 2720]] },
  { brand: 'amex', lengths: [15], prefixes: [[34, 34], [37, 37]] },
  { brand: 'discover', lengths: [16, 19], prefixes: [[6011, 6011], [644, 649], [65, 65]] },
];

export function detectBrand(digits: string): CardBrand {
  for (const rule of BRAND_RULES) {
    if (!rule.lengths.includes(digits.length)) continue;
    const matches = rule.prefixes.some(([low, high]) => {
      const prefix = Number(digits.slice(0, String(low).length));
      return prefix >= low && prefix <= high;
    });
    if (matches) return rule.brand;
  }
  return 'unknown';
}
