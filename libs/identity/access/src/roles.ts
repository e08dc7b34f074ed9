/**
 * Roles, least privilege first. A role is only a name for a set of
 * permissions (permissions.ts); code checks permissions, never role names.
 * Staff roles see only their own views: support sees orders, the catalog
 * manager edits products, the security analyst sees alerts and audit; none
 * of them can read a card (nothing outside the vault can).
 */
export const ROLES = ['customer', 'support', 'catalog-manager', 'security-analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every role but the shopper's. Staff grants are reviewed (and revoked when unused) by the access review. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'customer');

export const ACCESS_TOKEN_ISSUER = 'storefront-auth';
export const ACCESS_TOKEN_AUDIENCE = 'storefront';

/** What an access token asserts about its bearer. */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: Role[];
  /** The session this token belongs to (refresh family). */
  sid: string;
  /** When the bearer last proved a second factor (TOTP, recovery code or passkey), in seconds since the epoch; absent if never in this session. */
  mfa_at?: number;
}

/** The caller as controllers see it, after the token has been verified. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: Role[];
  sessionId: string;
  /** Seconds since the epoch of the last second-factor proof in this session, if any. */
  mfaAt?: number;
}
