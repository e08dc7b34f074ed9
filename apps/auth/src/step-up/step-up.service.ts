import { Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { AccountsService } from '../accounts/accounts.service';
import { MfaService } from '../mfa/mfa.service';
import { SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import type { IssuedAccessToken } from '../tokens/access-token.issuer';
import { StepUpError, stepUpError } from './step-up.errors';

/**
 * Step-up: a signed-in user proves the second factor again (TOTP or a
 * recovery code) before a staff action or a large checkout. The session
 * records the proof and a fresh access token carries it as mfa_at.
 */
@Injectable()
export class StepUpService {
  private readonly logger = new Logger(StepUpService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
  ) {}

  async stepUp(caller: AuthenticatedUser, code: string, clientIp?: string): Promise<IssuedAccessToken> {
    const user = await this.accounts.getById(caller.id);
    if (!(await this.mfa.hasTotp(user.id))) {
      throw stepUpError(
        StepUpError.MfaNotEnrolled,
        'This account has no authenticator app set up, so it cannot confirm sensitive actions. Set one up on your Account page first.',
      );
    }
    // A locked account is refused (423) and repeated failures are slowed, exactly as at sign-in.
    await this.protection.beforePasswordCheck({ account: user, email: user.email, ip: clientIp });
    try {
      await this.mfa.verifyStepUp(user.id, code, clientIp);
    } catch (error) {
      await this.protection.recordSecondFactorFailure(user, clientIp);
      throw error;
    }
    await this.protection.recordSuccess(user);
    const token = await this.sessions.recordMfaProof(user, caller.sessionId);
    this.logger.log({ userId: user.id, sessionId: caller.sessionId, event: 'step_up_succeeded' }, 'second factor confirmed for this session');
    return token;
  }
}
