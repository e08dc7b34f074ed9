import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@storefront/platform/http';
import { decidePermission, type PermissionRefusal } from './permission-decision';
import type { Permission } from './permissions';
import type { AuthenticatedUser, Role } from './roles';

const REQUIRED_PERMISSION = 'storefront:required-permission';

/**
 * The one permission a route needs. Put it on every handler (or its
 * controller) behind `@UseGuards(SignedInGuard, PermissionGuard)`: a route
 * without it is refused to everyone, so a forgotten decorator fails safe.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** The permission declared on a handler or its controller, if any (also read by the route-lock test). */
export function requiredPermission(reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]): Permission | undefined {
  return reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
}

export interface PermissionDenial {
  user: AuthenticatedUser;
  permission: Permission | 'undeclared';
  reason: PermissionRefusal;
  method: string;
  /** The route template (/orders/:id), never the raw path, which could carry an id. */
  route: string;
  ip: string;
}

/** Told about every refusal, so a staff account probing doors it was never given shows up on the security desk. */
export interface PermissionDenialListener {
  denied(denial: PermissionDenial): void;
}

/** Told which staff grants a request used, so the access review can revoke the ones nobody uses. */
export interface GrantUsageListener {
  used(userId: string, roles: readonly Role[]): void;
}

export const PERMISSION_DENIAL_LISTENER = Symbol('PermissionDenialListener');
export const GRANT_USAGE_LISTENER = Symbol('GrantUsageListener');

function routeTemplate(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : 'unmatched';
}

/** Deny by default, after SignedInGuard: see decidePermission for the rule. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(PERMISSION_DENIAL_LISTENER) private readonly denials?: PermissionDenialListener,
    @Optional() @Inject(GRANT_USAGE_LISTENER) private readonly usage?: GrantUsageListener,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = request.user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer access token.', 401);
    const permission = requiredPermission(this.reflector, [context.getHandler(), context.getClass()]);
    const decision = decidePermission(user, permission);
    if (!decision.allowed) {
      const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
      this.denials?.denied({ user, permission: permission ?? 'undeclared', reason: decision.reason, method: request.method, route: routeTemplate(request), ip });
      throw decision.error;
    }
    if (decision.usedGrants.length > 0) this.usage?.used(user.id, decision.usedGrants);
    return true;
  }
}
