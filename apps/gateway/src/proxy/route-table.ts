import type { Permission } from '@storefront/identity/access';
import type { UpstreamName } from '../core/upstreams';

/** What the gateway knows about one public API path. */
export interface ProxyRoute {
  upstream: UpstreamName;
  /** Reachable without a bearer token. */
  isPublic: boolean;
  /** Cookies travel to and from this upstream (the auth service's refresh cookie). */
  cookies: boolean;
  /**
   * The upstream cannot check access tokens itself (the vault, in the isolated
   * zone): it gets a short-lived `x-storefront-assertion` signed by the gateway
   * for this user, method and path instead, and never the token.
   */
  assertsUser: boolean;
  /**
   * For an upstream that cannot check tokens (assertsUser), the permission the
   * gateway checks on its behalf before it signs the assertion.
   */
  permission?: Permission;
  /** A state change authenticated by the refresh cookie alone, so it needs proof it was not sent cross-site. */
  cookieAuthenticated: boolean;
}

interface RouteRule {
  /** Path without /api: a rule matches the prefix itself and anything below it ("/products" matches "/products/1"). */
  prefix: string;
  exact?: boolean;
  upstream: UpstreamName;
  publicWhen?: (method: string, path: string) => boolean;
  cookies?: boolean;
  assertsUser?: boolean;
  permission?: Permission;
}

// Signing in (password or passkey), registering and refreshing happen before the caller has an access token.
const PUBLIC_AUTH_POSTS = new Set([
  '/auth/register',
  '/auth/login',
  '/auth/mfa/verify',
  '/auth/refresh',
  '/auth/logout',
  '/auth/passkeys/authentication/options',
  '/auth/passkeys/authentication/verify',
]);
const READS = new Set(['GET', 'HEAD']);
// The only state changes a browser makes with nothing but the refresh cookie (no bearer token).
const COOKIE_AUTHENTICATED_POSTS = new Set(['/auth/refresh', '/auth/logout']);

/**
 * The public API, as an allow-list: anything not listed here (such as the
 * services' /internal routes) is answered 404 at the edge and never forwarded.
 */
const ROUTES: readonly RouteRule[] = [
  { prefix: '/auth', upstream: 'auth', cookies: true, publicWhen: (method, path) => method === 'POST' && PUBLIC_AUTH_POSTS.has(path) },
  { prefix: '/me', exact: true, upstream: 'auth', cookies: true },
  { prefix: '/products', upstream: 'catalog', publicWhen: (method) => READS.has(method) },
  { prefix: '/cart', upstream: 'order' },
  { prefix: '/orders', upstream: 'order' },
  { prefix: '/payments/cards', exact: true, upstream: 'payment-vault', assertsUser: true, permission: 'payments:pay:own' },
  { prefix: '/admin/orders', upstream: 'order' },
  // The catalog manager's list (archived products included), archive and restore: catalog:write, checked by the catalog.
  { prefix: '/admin/products', upstream: 'catalog' },
  { prefix: '/admin/alerts', upstream: 'monitor' },
  { prefix: '/admin/audit', upstream: 'monitor' },
  { prefix: '/admin/users', upstream: 'auth' },
  { prefix: '/admin/signing-keys', upstream: 'auth' },
  { prefix: '/admin/access-reviews', upstream: 'auth' },
  // The vault checks no tokens: the gateway checks keys:rotate (and, as a staff permission, a fresh second factor) for it.
  { prefix: '/admin/keys', upstream: 'payment-vault', assertsUser: true, permission: 'keys:rotate' },
  { prefix: '/admin/events', exact: true, upstream: 'monitor' },
  // The attack lab's runner is the attacker's machine, not a service: it checks no tokens and never sees one. The gateway checks
  // attack-lab:run (and, as a staff permission, a fresh second factor) for it; 503 when no lab runs (ATTACK_LAB_URL unset).
  { prefix: '/attack-lab', upstream: 'attack-lab', assertsUser: true, permission: 'attack-lab:run' },
];

/** The route for a method and a path with the /api prefix removed (no query string), or undefined. */
export function resolveRoute(method: string, path: string): ProxyRoute | undefined {
  const rule = ROUTES.find((r) => path === r.prefix || (!r.exact && path.startsWith(`${r.prefix}/`)));
  if (!rule) return undefined;
  return {
    upstream: rule.upstream,
    isPublic: rule.publicWhen?.(method, path) ?? false,
    cookies: rule.cookies ?? false,
    assertsUser: rule.assertsUser ?? false,
    ...(rule.permission ? { permission: rule.permission } : {}),
    cookieAuthenticated: rule.upstream === 'auth' && method === 'POST' && COOKIE_AUTHENTICATED_POSTS.has(path),
  };
}

/**
 * Refuses paths that could mean something else once an upstream (or the URL
 * parser in the mTLS client) normalises them: dot segments, also
 * percent-encoded; encoded slashes and backslashes; empty segments; NUL.
 */
export function isSafePath(path: string): boolean {
  if (!path.startsWith('/') || path.includes('\\')) return false;
  if (/%(2f|5c|00)/i.test(path)) return false;
  return path
    .slice(1)
    .split('/')
    .every((segment) => {
      if (segment === '') return false;
      try {
        const decoded = decodeURIComponent(segment);
        return decoded !== '.' && decoded !== '..';
      } catch {
        return false; // malformed percent-encoding
      }
    });
}
