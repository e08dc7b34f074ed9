import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { Clock } from '../system/clock';
import type { TokenSubject } from '../tokens/access-token-claims';
import { AccessTokenIssuer, type IssuedAccessToken } from '../tokens/access-token.issuer';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';
import { describeDevice } from './device-name';
import type { SessionDto } from './dto/session.dto';
import { decideRefresh, refreshExpiry } from './refresh-rotation';
import { RevokedSessionsPublisher } from './revoked-sessions.publisher';
import { SessionsError, sessionsError } from './sessions.errors';
import { type NewSession, type SessionOrigin, SessionsRepository } from './sessions.repository';

/** Who is asking, as the gateway reported it; kept with the session so the user can recognise it. */
export interface ClientFacts {
  ip?: string;
  userAgent?: string;
}

const MAX_USER_AGENT_LENGTH = 512;
const originOf = (client: ClientFacts): SessionOrigin => ({
  ...(client.userAgent ? { userAgent: client.userAgent.slice(0, MAX_USER_AGENT_LENGTH) } : {}),
  ...(client.ip ? { ipAddress: client.ip } : {}),
});

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
    private readonly revoked: RevokedSessionsPublisher,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /**
   * A new login session (refresh family) for someone who has just proved who they are.
   * `proof.mfa`: they proved a second factor too (TOTP, recovery code or a user-verified passkey).
   */
  async start(user: TokenSubject, client: ClientFacts = {}, proof: { mfa: boolean } = { mfa: false }): Promise<SessionTokens> {
    const now = this.clock.now();
    const { session, token } = this.nextSession(user.id, randomUUID(), now, client, proof.mfa ? now : null);
    await this.sessions.create(session);
    return this.tokensFor(user, session, token);
  }

  /** Trades a refresh token for a new pair; the presented token stops working. */
  async refresh(refreshToken: string | undefined, client: ClientFacts = {}): Promise<SessionTokens> {
    const now = this.clock.now();
    const stored = refreshToken ? await this.sessions.findByTokenHash(hashOpaqueToken(refreshToken)) : null;
    const decision = decideRefresh(stored, now);
    if (decision.outcome === 'refuse') throw sessionsError(SessionsError.RefreshTokenInvalid, 'Sign in again: the session is not valid.');
    if (decision.outcome === 'reuse') return this.revokeOnReuse(decision.session.familyId, decision.session.userId);

    const user = await this.accounts.getById(decision.session.userId).catch(() => {
      throw sessionsError(SessionsError.RefreshTokenInvalid, 'Sign in again: the session is not valid.');
    });
    const startedAt = stored?.startedAt ?? now;
    // The proof belongs to the login session, not to one token: a rotation keeps it (and keeps its age).
    const { session, token } = this.nextSession(user.id, decision.session.familyId, startedAt, client, stored?.mfaAt ?? null);
    if (!(await this.sessions.rotate(decision.session.id, session, now))) return this.revokeOnReuse(session.familyId, user.id);
    return this.tokensFor(user, session, token);
  }

  /**
   * Step-up: the owner of this login session has just proved a second factor
   * again. Records it on the session and returns an access token carrying
   * the new mfa_at; the refresh token stays as it is (later rotations copy the proof).
   */
  async recordMfaProof(user: TokenSubject, sessionId: string): Promise<IssuedAccessToken> {
    const now = this.clock.now();
    if (!(await this.sessions.recordMfa(user.id, sessionId, now, now))) {
      throw sessionsError(SessionsError.SessionEnded, 'This session has ended. Sign in again.');
    }
    return this.accessTokens.issue(user, sessionId, now);
  }

  /** Ends the login session the refresh token belongs to. Idempotent: an unknown token is not an error. */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.sessions.findByTokenHash(hashOpaqueToken(refreshToken));
    if (!stored) return;
    await this.sessions.revokeFamily(stored.familyId, this.clock.now());
    await this.revoked.publish([stored.familyId]);
    this.logger.log({ userId: stored.userId, sessionId: stored.familyId }, 'signed out');
  }

  /** The user's signed-in devices, newest activity first; `currentId` marks the one asking. */
  async list(userId: string, currentId: string): Promise<SessionDto[]> {
    const rows = await this.sessions.listActive(userId, this.clock.now());
    return rows.map((row) => ({
      id: row.familyId,
      device: describeDevice(row.userAgent),
      ip: row.ipAddress,
      createdAt: row.startedAt.toISOString(),
      lastSeenAt: row.createdAt.toISOString(),
      current: row.familyId === currentId,
    }));
  }

  /** Ends one of the user's sessions; someone else's id is answered exactly like an unknown one. */
  async end(userId: string, sessionId: string): Promise<void> {
    if ((await this.sessions.revokeFamilyOf(userId, sessionId, this.clock.now())) === 0) {
      throw sessionsError(SessionsError.SessionNotFound, 'No such active session.');
    }
    await this.revoked.publish([sessionId]);
    this.logger.log({ userId, sessionId }, 'session ended by its owner');
  }

  /** Ends every session of the user but the one given (after a password change); returns how many ended. */
  async endAllExcept(userId: string, keepSessionId: string): Promise<number> {
    const ended = await this.sessions.revokeAllExcept(userId, keepSessionId, this.clock.now());
    await this.revoked.publish(ended);
    return ended.length;
  }

  /** False once the session was signed out, ended or revoked, even while its access tokens have not expired yet. */
  isActive(sessionId: string): Promise<boolean> {
    return this.sessions.isActive(sessionId, this.clock.now());
  }

  private async revokeOnReuse(familyId: string, userId: string): Promise<never> {
    const revoked = await this.sessions.revokeFamily(familyId, this.clock.now());
    await this.revoked.publish([familyId]);
    this.logger.warn({ userId, sessionId: familyId, revoked, event: 'refresh_token_reuse' }, 'refresh token reused: session revoked');
    throw sessionsError(SessionsError.RefreshTokenReused, 'Sign in again: this session was ended because a refresh token was used twice.');
  }

  private nextSession(userId: string, familyId: string, startedAt: Date, client: ClientFacts, mfaAt: Date | null): { session: NewSession; token: string } {
    const { token, hash } = newOpaqueToken();
    const expiresAt = refreshExpiry(this.clock.now(), this.config.REFRESH_TOKEN_TTL_DAYS);
    return { session: { id: randomUUID(), userId, familyId, tokenHash: hash, expiresAt, startedAt, mfaAt, ...originOf(client) }, token };
  }

  private async tokensFor(user: TokenSubject, session: NewSession, refreshToken: string): Promise<SessionTokens> {
    const access = await this.accessTokens.issue(user, session.familyId, session.mfaAt);
    return { ...access, refreshToken, refreshExpiresAt: session.expiresAt };
  }
}
