import { type AccessTokenClaims, ROLES, type Role } from '@storefront/identity/access';

/** Who an access token is issued to, as the accounts feature knows them. */
export interface TokenSubject {
  id: string;
  email: string;
  roles: readonly string[];
}

/** Keeps only roles the platform knows: a stray value in the database never becomes a claim. */
export function knownRoles(roles: readonly string[]): Role[] {
  return roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

/**
 * The private claims of an access token; `sid` is the login session (refresh family), stable across rotations.
 * `mfa_at` (seconds since the epoch) only when the session proved a second factor: staff actions and large
 * checkouts ask for one no older than five minutes.
 */
export function accessTokenClaims(subject: TokenSubject, sessionId: string, mfaAt?: Date | null): AccessTokenClaims {
  return {
    sub: subject.id,
    email: subject.email,
    roles: knownRoles(subject.roles),
    sid: sessionId,
    ...(mfaAt ? { mfa_at: Math.floor(mfaAt.getTime() / 1000) } : {}),
  };
}
