import { Injectable, Logger } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { AuthenticatedUser } from '@storefront/identity/access';
import { PasskeyAssertions } from '../passkeys/passkey-assertions';
import { WebAuthnChallenges } from '../passkeys/webauthn-challenges';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import type { IssuedAccessToken } from '../tokens/access-token.issuer';
import { type StepUpFactors, StepUpAttempts } from './step-up-attempts';
import { StepUpError, stepUpError } from './step-up.errors';

// One message for every refusal: it must not tell which check failed.
const REFUSED = 'The passkey could not be verified. Try again, or enter a code from your authenticator app.';

/**
 * Step-up with a passkey: the same user-verified assertion as a passkey
 * sign-in, but only with the caller's own passkeys and a challenge issued
 * to the caller, and it answers a fresh access token (like the code route)
 * instead of a new session.
 */
@Injectable()
export class PasskeyStepUpService {
  private readonly logger = new Logger(PasskeyStepUpService.name);

  constructor(
    private readonly attempts: StepUpAttempts,
    private readonly assertions: PasskeyAssertions,
    private readonly challenges: WebAuthnChallenges,
    private readonly events: AuthSecurityEvents,
  ) {}

  async options(caller: AuthenticatedUser): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { user, passkeys } = requirePasskey(await this.attempts.factorsOf(caller.id));
    // allowCredentials: the browser offers this account's passkeys only, not whichever one of the site is at hand.
    const options = await this.assertions.options(passkeys);
    await this.challenges.rememberStepUp(user.id, options.challenge);
    return options;
  }

  async stepUp(caller: AuthenticatedUser, response: Record<string, unknown>, clientIp?: string): Promise<IssuedAccessToken> {
    const { user } = requirePasskey(await this.attempts.factorsOf(caller.id));
    return this.attempts.attempt(user, caller.sessionId, clientIp, 'passkey', async () => {
      const outcome = await this.assertions.verify(response, { ownerId: user.id, takeChallenge: (challenge) => this.challenges.takeStepUp(user.id, challenge) });
      if (outcome.verified) return;
      this.logger.warn({ userId: user.id, clientIp, reason: outcome.reason, event: 'mfa_failed' }, 'passkey step-up refused');
      this.events.mfaFailed({ userId: user.id, ip: clientIp }, 'passkey');
      throw stepUpError(StepUpError.PasskeyRefused, REFUSED);
    });
  }
}

function requirePasskey(factors: StepUpFactors): StepUpFactors {
  if (factors.passkeys.length === 0) {
    throw stepUpError(StepUpError.PasskeyNotEnrolled, 'This account has no passkey: enter the code from your authenticator app instead.');
  }
  return factors;
}
