import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import type { UserRecord } from '../accounts/users.repository';
import { MfaService } from '../mfa/mfa.service';
import { PasskeysRepository } from '../passkeys/passkeys.repository';
import { SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import type { IssuedAccessToken } from '../tokens/access-token.issuer';
import { StepUpError, stepUpError } from './step-up.errors';

/** The caller's account and the second factors it can answer a step-up with. */
export interface StepUpFactors {
  user: UserRecord;
  totp: boolean;
  passkeys: { credentialId: string; transports: string[] }[];
}

/**
 * What every step-up shares, whatever the factor (a code or a passkey): the
 * account must have a second factor, a locked account is refused, a refused
 * proof counts towards the account lock, and an accepted one is recorded on
 * the session and answered with a fresh access token carrying mfa_at.
 */
@Injectable()
export class StepUpAttempts {
  private readonly logger = new Logger(StepUpAttempts.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly mfa: MfaService,
    private readonly passkeys: PasskeysRepository,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
  ) {}

  /** Throws MFA_NOT_ENROLLED for an account with neither an authenticator app nor a passkey. */
  async factorsOf(userId: string): Promise<StepUpFactors> {
    const user = await this.accounts.getById(userId);
    const [totp, passkeys] = await Promise.all([this.mfa.hasTotp(user.id), this.passkeys.credentialIdsOf(user.id)]);
    if (!totp && passkeys.length === 0) {
      throw stepUpError(
        StepUpError.MfaNotEnrolled,
        'This account has no second factor (an authenticator app or a passkey), so it cannot confirm sensitive actions. Set one up on your Account page first.',
      );
    }
    return { user, totp, passkeys };
  }

  /** Runs `prove`, which throws when the proof is refused (and reports the refusal itself). */
  async attempt(user: UserRecord, sessionId: string, clientIp: string | undefined, method: 'code' | 'passkey', prove: () => Promise<void>): Promise<IssuedAccessToken> {
    // A locked account is refused (423) and repeated failures are slowed, exactly as at sign-in.
    await this.protection.beforePasswordCheck({ account: user, email: user.email, ip: clientIp });
    try {
      await prove();
    } catch (error) {
      await this.protection.recordSecondFactorFailure(user, clientIp);
      throw error;
    }
    await this.protection.recordSuccess(user);
    const token = await this.sessions.recordMfaProof(user, sessionId);
    this.logger.log({ userId: user.id, sessionId, method, event: 'step_up_succeeded' }, 'second factor confirmed for this session');
    return token;
  }
}
