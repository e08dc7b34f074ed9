// libs/shared/cards' scrubber for the plain-Node harness (it cannot import
// TypeScript): every Luhn-valid 13–19 digit run, plain, spaced or dashed,
// becomes [PAN]. lab-runs.spec.ts checks it agrees with the library's.

const CANDIDATE_PAN = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

export const PAN_PLACEHOLDER = '[PAN]';

function passesLuhn(digits) {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function scrubPans(text) {
  const value = String(text);
  if (value.length < 13) return value;
  return value.replace(CANDIDATE_PAN, (match) => (passesLuhn(match.replace(/[ -]/g, '')) ? PAN_PLACEHOLDER : match));
}

/** A request path as the lab shows it: a card number hidden also when percent-encoded (`4242%204242…`, `q=4242+4242…`). */
export function scrubPath(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path.replace(/\+/g, ' '));
  } catch {
    decoded = path;
  }
  const scrubbed = scrubPans(decoded);
  return scrubbed === decoded ? scrubPans(path) : scrubbed;
}
