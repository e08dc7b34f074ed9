import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { Clock } from '../system/clock';
import type { TokenSubject } from '../tokens/access-token-claims';
import { AccessTokenIssuer, type IssuedAccessToken } from '../tokens/access-token.issuer';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';
import { decideRefresh, refreshExpiry } from './refresh-rotation';
import { SessionsError, sessionsError } from './sessions.errors';
import { type NewSession, SessionsRepository } from './sessions.repository';

/** An access token plus the refresh token that goes into the cookie (never into a body). */
export interface SessionTokens extends IssuedAccessToken {
  refreshToken: string;
  refreshExpiresAt: Date;
}

@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly accounts: AccountsService,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** A new login session (refresh family) for someone who has just proved who they are. */
  async start(user: TokenSubject): Promise<SessionTokens> {
    const { session, token } = this.nextSession(user.id, randomUUID());
    await this.sessions.create(session);
    return this.tokensFor(user, session, token);
  }

  /** Trades a refresh token for a new pair; the presented token stops working. */
  async refresh(refreshToken: string | undefined): Promise<SessionTokens> {
    const now = this.clock.now();
    const stored = refreshToken ? await this.sessions.findByTokenHash(hashOpaqueToken(refreshToken)) : null;
    const decision = decideRefresh(stored, now);
    if (decision.outcome === 'refuse') throw sessionsError(SessionsError.RefreshTokenInvalid, 'Sign in again: the session is not valid.');
    if (decision.outcome === 'reuse') return this.revokeOnReuse(decision.session.familyId, decision.session.userId);

    const user = await this.accounts.getById(decision.session.userId).catch(() => {
      throw sessionsError(SessionsError.RefreshTokenInvalid, 'Sign in again: the session is not valid.');
    });
    const { session, token } = this.nextSession(user.id, decision.session.familyId);
    if (!(await this.sessions.rotate(decision.session.id, session, now))) return this.revokeOnReuse(session.familyId, user.id);
    return this.tokensFor(user, session, token);
  }

  /** Ends the login session the refresh token belongs to. Idempotent: an unknown token is not an error. */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.sessions.findByTokenHash(hashOpaqueToken(refreshToken));
    if (!stored) return;
    await this.sessions.revokeFamily(stored.familyId, this.clock.now());
    this.logger.log({ userId: stored.userId, sessionId: stored.familyId }, 'signed out');
  }

  private async revokeOnReuse(familyId: string, userId: string): Promise<never> {
    const revoked = await this.sessions.revokeFamily(familyId, this.clock.now());
    this.logger.warn({ userId, sessionId: familyId, revoked, event: 'refresh_token_reuse' }, 'refresh token reused: session revoked');
    throw sessionsError(SessionsError.RefreshTokenReused, 'Sign in again: this session was ended because a refresh token was used twice.');
  }

  private nextSession(userId: string, familyId: string): { session: NewSession; token: string } {
    const { token, hash } = newOpaqueToken();
    const expiresAt = refreshExpiry(this.clock.now(), this.config.REFRESH_TOKEN_TTL_DAYS);
    return { session: { id: randomUUID(), userId, familyId, tokenHash: hash, expiresAt }, token };
  }

  private async tokensFor(user: TokenSubject, session: NewSession, refreshToken: string): Promise<SessionTokens> {
    const access = await this.accessTokens.issue(user, session.familyId);
    return { ...access, refreshToken, refreshExpiresAt: session.expiresAt };
  }
}
