import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { currentContext } from '@storefront/platform/logging';
import { CardsError, cardsError } from './cards.errors';

export const STOREFRONT_USER_HEADER = 'x-storefront-user';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RequestWithUser extends Request {
  storefrontUserId?: string;
}

/**
 * The vault cannot reach the auth service (isolated zone), so the gateway
 * verifies the access token and names the user in x-storefront-user. The
 * header is trusted only because the global mTLS guard already admitted
 * the gateway certificate alone on this route; a missing or malformed
 * value is 401.
 */
@Injectable()
export class StorefrontUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const value = request.headers[STOREFRONT_USER_HEADER];
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw cardsError(CardsError.Unauthenticated, 'The request does not name a signed-in user.');
    }
    request.storefrontUserId = value.toLowerCase();
    const logContext = currentContext();
    if (logContext) logContext.userId = request.storefrontUserId;
    return true;
  }
}

/** The user id StorefrontUserGuard verified. */
export const StorefrontUserId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const userId = context.switchToHttp().getRequest<RequestWithUser>().storefrontUserId;
  // Only reachable if a route forgot the guard: fail closed.
  if (!userId) throw cardsError(CardsError.Unauthenticated, 'The request does not name a signed-in user.');
  return userId;
});
