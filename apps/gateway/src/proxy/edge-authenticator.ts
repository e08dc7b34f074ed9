import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, type AuthenticatedUser } from '@storefront/identity/access';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { DomainError } from '@storefront/platform/http';
import { currentContext } from '@storefront/platform/logging';
import { proxyError, ProxyError } from './proxy.errors';
import { type SessionStanding, SessionStandings } from './session-standing';

// Same shape the services accept: a JWT is three base64url parts, well under 4 KiB.
const BEARER = /^Bearer ([A-Za-z0-9_.-]{20,4096})$/;

export interface CallerFacts {
  authorization: string | undefined;
  ip: string;
  userAgent?: string;
  method: string;
  path: string;
}

/** A verified caller whose session has not ended, and whether a second factor is still owed. */
export interface EdgeCaller {
  user: AuthenticatedUser;
  stepUpOutstanding: SessionStanding['stepUpOutstanding'];
}

/**
 * Checks the bearer token at the edge, before anything is forwarded, so an
 * anonymous request never reaches a service that needs a signed-in caller.
 * Every refusal is a security event.
 */
@Injectable()
export class EdgeAuthenticator {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly events: SecurityEventPublisher,
    private readonly standings: SessionStandings,
  ) {}

  async authenticate(caller: CallerFacts): Promise<EdgeCaller> {
    const match = caller.authorization === undefined ? null : BEARER.exec(caller.authorization);
    if (!match) {
      const reason = caller.authorization === undefined ? 'missing' : 'malformed';
      this.refused(caller, reason);
      throw proxyError(ProxyError.Unauthenticated, 'Sign in first: this route needs a bearer access token.');
    }
    try {
      const user = await this.verifier.verify(match[1]);
      const context = currentContext();
      if (context) context.userId = user.id;
      return await this.unlessRevoked(user);
    } catch (error) {
      if (error instanceof DomainError && error.status === 401) {
        this.refused(caller, /expired/.test(error.message) ? 'expired' : 'invalid');
        throw proxyError(ProxyError.Unauthenticated, error.message);
      }
      // The key set could not be fetched (auth down): not the caller's fault, and no detail leaves.
      throw proxyError(ProxyError.ServiceUnavailable, 'Sign-in cannot be checked right now; try again shortly.');
    }
  }

  /** A valid signature is not enough once the session was ended (sign-out, password change): see SessionStandings. */
  private async unlessRevoked(user: AuthenticatedUser): Promise<EdgeCaller> {
    const standing = await this.standings.of(user);
    if (!standing.revoked) return { user, stepUpOutstanding: standing.stepUpOutstanding };
    // A 401 DomainError: the catch in authenticate() records the refusal (as 'invalid') and answers UNAUTHENTICATED.
    throw new DomainError('UNAUTHENTICATED', 'This session has ended. Sign in again.', 401);
  }

  private refused(caller: CallerFacts, reason: string): void {
    void this.events.publish({
      type: 'edge.token.refused',
      outcome: 'blocked',
      source: { ip: caller.ip, ...(caller.userAgent ? { userAgent: caller.userAgent.slice(0, 512) } : {}) },
      details: { reason, method: caller.method, path: caller.path.slice(0, 200) },
    });
  }
}
