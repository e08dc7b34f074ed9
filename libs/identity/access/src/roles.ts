/**
 * Roles, least privilege first. Staff roles see only their own views:
 * support sees orders, security sees alerts and audit, none of them can
 * read a card (nothing outside the vault can).
 */
export const ROLES = ['customer', 'support', 'security', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACCESS_TOKEN_ISSUER = 'storefront-auth';
export const ACCESS_TOKEN_AUDIENCE = 'storefront';

/** What an access token asserts about its bearer. */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: Role[];
  /** The session this token belongs to (refresh family). */
  sid: string;
}

/** The caller as controllers see it, after the token has been verified. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: Role[];
  sessionId: string;
}
