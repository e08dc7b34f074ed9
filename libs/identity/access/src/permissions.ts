import type { Role } from './roles';

/**
 * Every permission the platform knows, as `resource:action[:scope]`.
 * `:own` means "the caller's own"; `:any` means anybody's. There is
 * deliberately no permission that reads a card number back: nothing
 * outside the vault can, whatever its role.
 */
export const PERMISSIONS = [
  // The shopper's own things.
  'account:manage:own',
  'cart:write:own',
  'orders:read:own',
  'payments:pay:own',
  // Support.
  'orders:read:any',
  'orders:review',
  'accounts:unlock',
  // Catalog management.
  'catalog:write',
  // Security operations.
  'alerts:read',
  'alerts:respond',
  'audit:read',
  'edge-blocks:read',
  'edge-blocks:write',
  'certificates:read',
  // Launching the attack lab's scenarios against the running store (tools/attack/lab-server.mjs).
  'attack-lab:run',
  // Administration.
  'keys:rotate',
  'signing-keys:rotate',
  'access-reviews:read',
  'access-reviews:run',
  'roles:grant',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Everyone manages their own account: password, sessions, MFA, passkeys. */
const SELF: readonly Permission[] = ['account:manage:own'];
const SHOPPING: readonly Permission[] = ['cart:write:own', 'orders:read:own', 'payments:pay:own'];
const SUPPORT: readonly Permission[] = ['orders:read:any', 'orders:review', 'accounts:unlock'];
const CATALOG_MANAGER: readonly Permission[] = ['catalog:write'];
const SECURITY_ANALYST: readonly Permission[] = ['alerts:read', 'alerts:respond', 'audit:read', 'edge-blocks:read', 'edge-blocks:write', 'certificates:read', 'attack-lab:run'];
const ADMINISTRATION: readonly Permission[] = ['keys:rotate', 'signing-keys:rotate', 'access-reviews:read', 'access-reviews:run', 'roles:grant'];

/**
 * What each role may do. Staff roles hold no shopper permission: a staff
 * account cannot pay (support "can't reach payment systems"); staff who
 * shop use a customer account. The admin holds every staff permission.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  customer: [...SELF, ...SHOPPING],
  support: [...SELF, ...SUPPORT],
  'catalog-manager': [...SELF, ...CATALOG_MANAGER],
  'security-analyst': [...SELF, ...SECURITY_ANALYST],
  admin: [...SELF, ...SUPPORT, ...CATALOG_MANAGER, ...SECURITY_ANALYST, ...ADMINISTRATION],
};

/** Permissions that act on other people's data or on the platform: each use needs a fresh second factor (step-up). */
export function isStaffPermission(permission: Permission): boolean {
  return !SELF.includes(permission) && !SHOPPING.includes(permission);
}

/** The roles among `roles` that grant `permission`: the grants that were "used" when it is exercised. */
export function rolesGranting(permission: Permission, roles: readonly Role[]): Role[] {
  return roles.filter((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}

/** Everything the holder of `roles` may do. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []))];
}
