import { randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;

// Crockford base32 in lower case: no i, l, o, u, so codes survive being read aloud or copied by hand.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUP = 5;
const NORMALIZED = /^[0-9a-hjkmnp-tv-z]{10}$/;

/** Ten codes like `7k2qd-x9mfa`: 50 bits each, shown once, stored only as argon2id hashes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** The form that is hashed and compared: case, spaces and dashes do not matter to the person typing. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const normalized = input.toLowerCase().replace(/[\s-]/g, '');
  return NORMALIZED.test(normalized) ? normalized : undefined;
}
