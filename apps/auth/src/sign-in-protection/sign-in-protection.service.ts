import { Injectable, Logger } from '@nestjs/common';
import { AuthSecurityEvents, type LoginFailureReason } from '../security-events/auth-security-events';
import { Clock } from '../system/clock';
import { Sleeper } from '../system/sleeper';
import { AccountLockoutRepository } from './account-lockout.repository';
import { isLocked, LOCK_DURATION_MS, MAX_FAILED_SIGN_INS, signInDelayMs, SOURCE_WINDOW_MS, STUFFING_DISTINCT_EMAILS } from './sign-in-policy';
import { SignInProtectionError, signInProtectionError } from './sign-in-protection.errors';
import { RedisFailureCounters } from './redis-failure-counters.store';

/** The account as far as lockout cares; null for an email with no account. */
export interface LockoutState {
  id: string;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export interface SignInAttempt {
  account: LockoutState | null;
  /** The email as typed (normalized), for counting distinct targets and for the security log. */
  email: string;
  ip?: string;
}

/** Brute-force and credential-stuffing defences around the password check (PCI DSS v4 8.3.4). */
@Injectable()
export class SignInProtectionService {
  private readonly logger = new Logger(SignInProtectionService.name);

  constructor(
    private readonly lockout: AccountLockoutRepository,
    private readonly counters: RedisFailureCounters,
    private readonly clock: Clock,
    private readonly sleeper: Sleeper,
    private readonly events: AuthSecurityEvents,
  ) {}

  /**
   * Runs BEFORE the password is checked. A locked account is refused
   * without looking at the password, so the answer is the same whether it
   * was right or not. Otherwise waits longer the more this account, or this
   * source across many accounts, has failed. An email without an account
   * gets the same lock and delays (counted in Redis), so neither reveals
   * whether the account exists.
   */
  async beforePasswordCheck(attempt: SignInAttempt): Promise<void> {
    const now = this.clock.now();
    const state = attempt.account ?? (await this.counters.unknownEmailState(attempt.email));
    if (isLocked(state.lockedUntil, now)) {
      this.events.loginFailed({ userId: attempt.account?.id, email: attempt.email, ip: attempt.ip }, 'account_locked');
      const retryAfterSeconds = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
      throw signInProtectionError(
        SignInProtectionError.AccountLocked,
        `Too many failed sign-in attempts: this account is locked until ${state.lockedUntil.toISOString()}. Try again after that time, or contact support to unlock it.`,
        { retryAt: state.lockedUntil.toISOString(), retryAfterSeconds },
      );
    }
    // A lock that has run out starts a fresh count (the next failure does the same).
    const accountFailures = state.lockedUntil === null ? state.failedLoginCount : 0;
    const delayMs = signInDelayMs(accountFailures, await this.counters.distinctEmails(attempt.ip, now));
    if (delayMs > 0) {
      this.logger.warn({ userId: attempt.account?.id, clientIp: attempt.ip, delayMs }, 'sign-in slowed after repeated failures');
      await this.sleeper.sleep(delayMs);
    }
  }

  async recordFailure(attempt: SignInAttempt, reason: Exclude<LoginFailureReason, 'account_locked'>): Promise<void> {
    const now = this.clock.now();
    const who = { userId: attempt.account?.id, email: attempt.email, ip: attempt.ip };
    let failedAttempts: number | undefined;
    if (attempt.account) {
      failedAttempts = await this.countAccountFailure(attempt.account.id, attempt.email, attempt.ip);
    } else {
      failedAttempts = (await this.counters.recordUnknownEmailFailure(attempt.email, now, MAX_FAILED_SIGN_INS))?.failedLoginCount;
    }
    this.events.loginFailed(who, reason, failedAttempts);
    const distinctEmails = await this.counters.recordFailure(attempt.ip, attempt.email, now);
    // Reported once, when the source crosses the threshold, not on every further attempt.
    if (attempt.ip && distinctEmails === STUFFING_DISTINCT_EMAILS) {
      this.logger.warn({ clientIp: attempt.ip, distinctEmails, event: 'credential_stuffing' }, 'one source failing against many accounts');
      this.events.credentialStuffing(attempt.ip, distinctEmails, SOURCE_WINDOW_MS / 60_000);
    }
  }

  /**
   * A wrong step-up code from a signed-in session counts towards the same
   * account lock as a wrong password: a stolen access token cannot guess
   * TOTP codes without limit. (The MFA failure event itself is MfaService's.)
   */
  async recordSecondFactorFailure(account: { id: string; email: string }, ip?: string): Promise<void> {
    await this.countAccountFailure(account.id, account.email, ip);
  }

  /** A completed sign-in clears the account's failures. */
  async recordSuccess(account: LockoutState): Promise<void> {
    if (account.failedLoginCount > 0 || account.lockedUntil !== null) await this.lockout.reset(account.id);
  }

  /** Counts one failure on the account (locking it at the limit); returns the count so far. */
  private async countAccountFailure(userId: string, email: string, ip?: string): Promise<number | undefined> {
    const now = this.clock.now();
    const recorded = await this.lockout.recordFailure(userId, now, MAX_FAILED_SIGN_INS, new Date(now.getTime() + LOCK_DURATION_MS));
    if (recorded?.failedLoginCount === MAX_FAILED_SIGN_INS && recorded.lockedUntil) {
      this.logger.warn({ userId, clientIp: ip, lockedUntil: recorded.lockedUntil.toISOString(), event: 'account_locked' }, 'account locked');
      this.events.accountLocked({ userId, email, ip }, recorded.lockedUntil, recorded.failedLoginCount);
    }
    return recorded?.failedLoginCount;
  }

  /** Support staff lift a lock (and clear the counter) after confirming the customer's identity. */
  async unlock(userId: string, byUserId: string): Promise<void> {
    if (!(await this.lockout.reset(userId))) throw signInProtectionError(SignInProtectionError.AccountNotFound, 'There is no account with this id.');
    this.logger.warn({ userId, byUserId, event: 'account_unlocked' }, 'account unlocked by staff');
  }
}
