import { DomainError } from '@storefront/platform/http';
import { isStaffPermission, type Permission, rolesGranting } from './permissions';
import type { AuthenticatedUser, Role } from './roles';
import { hasFreshMfa, stepUpRequired } from './step-up';

export type PermissionRefusal = 'missing_permission' | 'step_up_required' | 'undeclared_route';

export type PermissionDecision =
  | { allowed: true; /** The staff grants this use counts for (none for a shopper's own permissions). */ usedGrants: Role[] }
  | { allowed: false; reason: PermissionRefusal; error: DomainError };

/**
 * The whole access rule in one function, so the guard in every service and
 * the gateway (for the vault, which cannot verify tokens) decide alike:
 * the caller needs `permission` through one of their roles, and a staff
 * permission also needs a second-factor proof from the last five minutes.
 */
export function decidePermission(user: AuthenticatedUser, permission: Permission | undefined, now: Date = new Date()): PermissionDecision {
  if (!permission) return { allowed: false, reason: 'undeclared_route', error: new DomainError('FORBIDDEN', 'This route declares no permission, so nobody may use it.', 403) };
  const granting = rolesGranting(permission, user.roles);
  if (granting.length === 0) {
    return { allowed: false, reason: 'missing_permission', error: new DomainError('FORBIDDEN', `This needs the permission ${permission}, which none of your roles grants.`, 403) };
  }
  if (!isStaffPermission(permission)) return { allowed: true, usedGrants: [] };
  if (!hasFreshMfa(user, now)) return { allowed: false, reason: 'step_up_required', error: stepUpRequired(`The permission ${permission}`) };
  return { allowed: true, usedGrants: granting };
}
