import { generateSecret, generateURI, verify } from 'otplib';

/** Shown by authenticator apps next to the account. */
export const TOTP_ISSUER = 'Storefront';
export const TOTP_CODE_PATTERN = /^\d{6}$/;

// One 30-second step either side absorbs phone clock drift; RFC 6238 §5.2 recommends at most one.
const EPOCH_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret(); // 20 random bytes (160 bits, RFC 4226 §4), base32
}

export function totpUri(accountEmail: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

export type TotpCheck = { valid: true; step: number } | { valid: false };

/**
 * Checks a 6-digit code at `now`. `lastUsedStep` is the time step of the last
 * accepted code: that code and older ones are refused, so a code seen over
 * someone's shoulder (or in a log) cannot be replayed (RFC 6238 §5.2).
 */
export async function checkTotp(secret: string, code: string, lastUsedStep: number | null, now: Date): Promise<TotpCheck> {
  if (!TOTP_CODE_PATTERN.test(code)) return { valid: false };
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      afterTimeStep: lastUsedStep ?? undefined,
    });
    // The functional API types TOTP and HOTP results together; only TOTP results carry timeStep.
    return result.valid && 'timeStep' in result ? { valid: true, step: result.timeStep } : { valid: false };
  } catch {
    // otplib throws when lastUsedStep lies beyond the window (a clock that went backwards): refuse, never 500.
    return { valid: false };
  }
}
