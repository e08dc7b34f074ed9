import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { MfaService } from '../mfa/mfa.service';
import type { IssuedAccessToken } from '../tokens/access-token.issuer';
import { StepUpAttempts } from './step-up-attempts';
import { StepUpError, stepUpError } from './step-up.errors';

/**
 * Step-up with a code: a signed-in user proves the second factor again (TOTP
 * or a recovery code) before a staff action or a large checkout. The session
 * records the proof and a fresh access token carries it as mfa_at.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly attempts: StepUpAttempts,
    private readonly mfa: MfaService,
  ) {}

  async stepUp(caller: AuthenticatedUser, code: string, clientIp?: string): Promise<IssuedAccessToken> {
    const { user, totp } = await this.attempts.factorsOf(caller.id);
    // A passkey-only account has nothing a code could match: say which factor answers (not counted as a failure).
    if (!totp) throw stepUpError(StepUpError.TotpNotEnrolled, 'This account has no authenticator app: confirm with your passkey instead.');
    return this.attempts.attempt(user, caller.sessionId, clientIp, 'code', () => this.mfa.verifyStepUp(user.id, code, clientIp));
  }
}
