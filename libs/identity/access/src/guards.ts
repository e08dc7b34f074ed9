import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '@storefront/platform/http';
import { BEARER_STRATEGY } from './bearer-token.strategy';
import type { AuthenticatedUser, Role } from './roles';

/** Requires a valid access token; the verified caller lands on `req.user`. */
@Injectable()
export class SignedInGuard extends AuthGuard(BEARER_STRATEGY) {
  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error) throw error;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer access token.', 401);
    return user;
  }
}

const REQUIRED_ROLES = 'storefront:required-roles';

/** Any one of these roles is enough. Use together with SignedInGuard, after it. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>().user;
    if (user && user.roles.some((role) => required.includes(role))) return true;
    throw new DomainError('FORBIDDEN', `This needs one of the roles: ${required.join(', ')}.`, 403);
  }
}

/** The verified caller, in a controller parameter. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>().user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.', 401);
  return user;
});
