import { Injectable } from '@nestjs/common';
import { SecurityEventPublisher, type SecurityEventInput } from '@storefront/platform/events';

/** Why a sign-in failed, for the monitor only: the HTTP answer never tells these apart. */
export type LoginFailureReason = 'unknown_email' | 'wrong_password' | 'account_locked';

interface Who {
  userId?: string;
  email?: string;
  ip?: string;
}

const actorOf = (who: Who) => ({ ...(who.userId ? { userId: who.userId } : {}), ...(who.email ? { email: who.email } : {}) });
const sourceOf = (who: Who) => (who.ip ? { ip: who.ip } : {});

/**
 * auth's security events. Every method is fire-and-forget: the publisher
 * never throws and gives up after 2 s, and not awaiting it means a slow
 * Redis adds nothing to a sign-in's latency. Nothing secret is ever passed
 * in (no password, no token, no code).
 */
@Injectable()
export class AuthSecurityEvents {
  constructor(private readonly publisher: SecurityEventPublisher) {}

  /** `method` is named only for a passkey sign-in; otherwise mfa says password alone or password + TOTP. */
  loginSucceeded(who: Who & { userId: string }, mfa: boolean, method?: 'passkey'): void {
    this.send({ type: 'auth.login.succeeded', outcome: 'success', actor: actorOf(who), source: sourceOf(who), details: { mfa, ...(method ? { method } : {}) } });
  }

  loginFailed(who: Who, reason: LoginFailureReason, failedAttempts?: number): void {
    this.send({
      type: 'auth.login.failed',
      outcome: reason === 'account_locked' ? 'blocked' : 'failure',
      actor: actorOf(who),
      source: sourceOf(who),
      details: { reason, ...(failedAttempts !== undefined ? { failedAttempts } : {}) },
    });
  }

  /** One source failing against many accounts: a failed-login event marked as credential stuffing. */
  credentialStuffing(ip: string, distinctEmails: number, windowMinutes: number): void {
    this.send({ type: 'auth.login.failed', outcome: 'blocked', source: { ip }, details: { reason: 'credential_stuffing', distinctEmails, windowMinutes } });
  }

  mfaFailed(who: Who & { userId: string }, method: string): void {
    this.send({ type: 'auth.mfa.failed', outcome: 'failure', actor: actorOf(who), source: sourceOf(who), details: { method } });
  }

  accountLocked(who: Who & { userId: string }, lockedUntil: Date, failedAttempts: number): void {
    this.send({
      type: 'auth.account.locked',
      outcome: 'blocked',
      actor: actorOf(who),
      source: sourceOf(who),
      details: { lockedUntil: lockedUntil.toISOString(), failedAttempts },
    });
  }

  /**
   * Account security settings changed by their owner (password, sessions,
   * passkeys). Sent as config.changed with the change named in details, so the
   * monitor's closed list of event types stays as it is.
   */
  passwordChanged(who: Who & { userId: string }, otherSessionsEnded: number): void {
    this.accountChanged(who, { change: 'password', otherSessionsEnded });
  }

  sessionEnded(who: Who & { userId: string }): void {
    this.accountChanged(who, { change: 'session.ended' });
  }

  passkeyAdded(who: Who & { userId: string }): void {
    this.accountChanged(who, { change: 'passkey.added' });
  }

  passkeyRemoved(who: Who & { userId: string }): void {
    this.accountChanged(who, { change: 'passkey.removed' });
  }

  private accountChanged(who: Who & { userId: string }, details: Record<string, string | number>): void {
    this.send({ type: 'config.changed', outcome: 'success', actor: actorOf(who), source: sourceOf(who), details });
  }

  private send(event: SecurityEventInput): void {
    void this.publisher.publish(event);
  }
}
