export { passesLuhn, normalizeCardNumber } from './luhn';
export { detectBrand, type CardBrand } from './brand';
export { scrubPans, PAN_PLACEHOLDER } from './pan-scrubber';
