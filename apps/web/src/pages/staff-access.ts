import { getAccessToken } from '../api/session';
import type { Route } from '../router';

/**
 * Which staff page each role may see. The web bundle cannot import
 * @storefront/identity/access (a Node library), so this mirrors the minimum
 * of its ROLE_PERMISSIONS: the permission behind each staff page and the
 * roles that grant it. staff-access.spec.ts fails when the two drift apart.
 * Showing a link is only a convenience: every service checks the signed
 * token (and the permission) on every call.
 */
export const PAGE_PERMISSION_ROLES = {
  'orders:read:any': ['support', 'admin'],
  'catalog:write': ['catalog-manager', 'admin'],
  'alerts:read': ['security-analyst', 'admin'],
  'attack-lab:run': ['security-analyst', 'admin'],
  'access-reviews:read': ['admin'],
  'keys:rotate': ['admin'],
} as const satisfies Record<string, readonly string[]>;

export type PagePermission = keyof typeof PAGE_PERMISSION_ROLES;

export interface StaffPage {
  route: Extract<Route, { name: 'support' | 'catalog-manager' | 'monitoring' | 'admin-access' | 'admin-keys' }>;
  label: string;
  permission: PagePermission;
  testId: string;
}

/** The staff pages, in navigation order. */
export const STAFF_PAGES: readonly StaffPage[] = [
  { route: { name: 'support' }, label: 'Support', permission: 'orders:read:any', testId: 'nav-support' },
  { route: { name: 'catalog-manager' }, label: 'Catalog', permission: 'catalog:write', testId: 'nav-catalog-manager' },
  { route: { name: 'monitoring' }, label: 'Security desk', permission: 'alerts:read', testId: 'nav-monitoring' },
  { route: { name: 'admin-access' }, label: 'Access reviews', permission: 'access-reviews:read', testId: 'nav-admin-access' },
  { route: { name: 'admin-keys' }, label: 'Keys', permission: 'keys:rotate', testId: 'nav-admin-keys' },
];

/**
 * The roles claim of the current access token, read without verifying it
 * (only to decide which links to show).
 */
export function rolesInToken(token: string | null = getAccessToken()): string[] {
  const payload = token?.split('.')[1];
  if (!payload) return [];
  try {
    const roles = (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { roles?: unknown }).roles;
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether any of `roles` grants the permission behind a staff page. */
export function rolesHold(roles: readonly string[], permission: PagePermission): boolean {
  const granting: readonly string[] = PAGE_PERMISSION_ROLES[permission];
  return roles.some((role) => granting.includes(role));
}

/** The staff pages the signed-in user's roles open, for the navigation. */
export function staffPagesFor(roles: readonly string[] = rolesInToken()): StaffPage[] {
  return STAFF_PAGES.filter((page) => rolesHold(roles, page.permission));
}
