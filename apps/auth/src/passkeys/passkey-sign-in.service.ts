import { Injectable, Logger } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { AccountsService } from '../accounts/accounts.service';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { type ClientFacts, type SessionTokens, SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import { PasskeyAssertions } from './passkey-assertions';
import { PasskeysError, passkeysError } from './passkeys.errors';
import { WebAuthnChallenges } from './webauthn-challenges';

// One message for every refusal: it must not tell an attacker which check failed.
const REFUSED = 'The passkey could not be verified. Try again, or sign in with your password.';

/**
 * Sign-in with a discoverable passkey: no email typed, the authenticator
 * says which credential it used. A passkey is bound to this origin (a
 * phishing site cannot get a usable answer) and user verification is
 * required (PIN or biometric), so it stands for password + second factor:
 * the same session, tokens and cookie as a password + TOTP sign-in.
 */
@Injectable()
export class PasskeySignInService {
  private readonly logger = new Logger(PasskeySignInService.name);

  constructor(
    private readonly assertions: PasskeyAssertions,
    private readonly challenges: WebAuthnChallenges,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
    private readonly events: AuthSecurityEvents,
  ) {}

  async options(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    // No allowCredentials: the browser offers whichever passkey of this site the person has (and reveals no account to us or anyone).
    const options = await this.assertions.options();
    await this.challenges.rememberSignIn(options.challenge);
    return options;
  }

  async signIn(raw: Record<string, unknown>, client: ClientFacts): Promise<SessionTokens> {
    const outcome = await this.assertions.verify(raw, { takeChallenge: (challenge) => this.challenges.takeSignIn(challenge) });
    if (!outcome.verified) return this.refuse(outcome.userId, client, outcome.reason);

    const user = await this.accounts.getById(outcome.userId);
    // A locked account stays locked (the monitor may have locked it as a response): 423 as for passwords.
    await this.protection.beforePasswordCheck({ account: user, email: user.email, ip: client.ip });
    await this.protection.recordSuccess(user);
    const tokens = await this.sessions.start(user, client, { mfa: true });
    this.logger.log({ userId: user.id, clientIp: client.ip, event: 'login_succeeded', mfa: true, method: 'passkey' }, 'signed in with a passkey');
    this.events.loginSucceeded({ userId: user.id, email: user.email, ip: client.ip }, true, 'passkey');
    return tokens;
  }

  private refuse(userId: string | undefined, client: ClientFacts, reason: string): never {
    this.logger.warn({ userId, clientIp: client.ip, reason, event: 'login_failed' }, 'passkey sign-in refused');
    if (userId) this.events.mfaFailed({ userId, ip: client.ip }, 'passkey');
    throw passkeysError(PasskeysError.SignInFailed, REFUSED);
  }
}
