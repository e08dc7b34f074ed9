import type { CookieOptions, Request, Response } from 'express';
import { isOpaqueToken } from '../tokens/opaque-token';

export const REFRESH_COOKIE = 'sf_refresh';

/**
 * httpOnly: page scripts (and so XSS) cannot read it. Secure: HTTPS only.
 * SameSite=Strict: no cross-site request carries it (CSRF). Path: the browser
 * sends it to the public /api/auth routes only (the gateway strips /api).
 */
const REFRESH_COOKIE_OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/api/auth' };

export function setRefreshCookie(res: Response, token: string, expiresAt: Date, now: Date): void {
  // Whole seconds, rounded up: the milliseconds spent since the session row was written should not shave a second off Max-Age.
  const maxAge = Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000) * 1000);
  res.cookie(REFRESH_COOKIE, token, { ...REFRESH_COOKIE_OPTIONS, maxAge });
}

export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, REFRESH_COOKIE_OPTIONS);
}

/** The refresh token from the cookie (parsed by cookie-parser), or undefined when absent or malformed. */
export function readRefreshCookie(req: Request): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return isOpaqueToken(value) ? value : undefined;
}
