import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '@storefront/platform/http';
import { BEARER_STRATEGY } from './bearer-token.strategy';
import type { AuthenticatedUser } from './roles';

/** Requires a valid access token; the verified caller lands on `req.user`. */
@Injectable()
export class SignedInGuard extends AuthGuard(BEARER_STRATEGY) {
  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error) throw error;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first: this route needs a bearer access token.', 401);
    return user;
  }
}

/** The verified caller, in a controller parameter. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>().user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.', 401);
  return user;
});
