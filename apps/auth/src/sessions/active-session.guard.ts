import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { SessionsError, sessionsError } from './sessions.errors';
import { SessionsService } from './sessions.service';

/**
 * For account-security routes (password, sessions, passkeys): the token's
 * session must still be live in the database, so an access token of a
 * session that was signed out or ended elsewhere cannot change the account
 * in the minutes before it expires. Runs after SignedInGuard.
 */
@Injectable()
export class ActiveSessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user && (await this.sessions.isActive(user.sessionId))) return true;
    throw sessionsError(SessionsError.SessionEnded, 'This session has ended. Sign in again.');
  }
}
