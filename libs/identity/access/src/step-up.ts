import { DomainError } from '@storefront/platform/http';
import type { AuthenticatedUser } from './roles';

/** How old a second-factor proof may be for a step-up action (NIST SP 800-63B reauthentication, kept short for staff). */
export const STEP_UP_MAX_AGE_SECONDS = 5 * 60;

/** True when the caller proved a second factor in the last five minutes. */
export function hasFreshMfa(user: AuthenticatedUser, now: Date = new Date()): boolean {
  if (user.mfaAt === undefined) return false;
  const age = now.getTime() / 1000 - user.mfaAt;
  return age >= -30 && age <= STEP_UP_MAX_AGE_SECONDS;
}

/**
 * The refusal a client turns into "confirm it's you": it asks for a TOTP
 * code (or a passkey) at POST /api/auth/step-up and retries with the fresh token.
 */
export function stepUpRequired(what: string): DomainError {
  return new DomainError('STEP_UP_REQUIRED', `${what} needs a second-factor proof from the last ${STEP_UP_MAX_AGE_SECONDS / 60} minutes: confirm with your authenticator code.`, 403);
}
