import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
export const OPAQUE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface OpaqueToken {
  /** Handed to the client once; never stored. */
  token: string;
  /** What the database keeps: a leaked table cannot be replayed as tokens. */
  hash: string;
}

/**
 * Hex SHA-256. A fast hash is enough here (unlike passwords): the token has
 * 256 bits of entropy, so there is nothing to brute-force.
 */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newOpaqueToken(): OpaqueToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

export function isOpaqueToken(value: unknown): value is string {
  return typeof value === 'string' && OPAQUE_TOKEN_PATTERN.test(value);
}
