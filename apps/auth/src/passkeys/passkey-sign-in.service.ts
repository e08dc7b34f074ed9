import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { AccountsService } from '../accounts/accounts.service';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { type ClientFacts, type SessionTokens, SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import { Clock } from '../system/clock';
import { PasskeysError, passkeysError } from './passkeys.errors';
import { PasskeysRepository } from './passkeys.repository';
import { relyingPartyFrom, type RelyingParty } from './relying-party';
import { CHALLENGE_TTL_SECONDS, WebAuthnChallenges } from './webauthn-challenges';
import { asAuthenticationResponse } from './webauthn-responses';

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
  private readonly rp: RelyingParty;

  constructor(
    private readonly passkeys: PasskeysRepository,
    private readonly challenges: WebAuthnChallenges,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
    private readonly events: AuthSecurityEvents,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.rp = relyingPartyFrom(config);
  }

  async options(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    // No allowCredentials: the browser offers whichever passkey of this site the person has (and reveals no account to us or anyone).
    const options = await generateAuthenticationOptions({ rpID: this.rp.id, userVerification: 'required', timeout: CHALLENGE_TTL_SECONDS * 1000 });
    await this.challenges.rememberSignIn(options.challenge);
    return options;
  }

  async signIn(raw: Record<string, unknown>, client: ClientFacts): Promise<SessionTokens> {
    const response = asAuthenticationResponse(raw);
    if (!response) throw passkeysError(PasskeysError.SignInFailed, REFUSED);
    const passkey = await this.passkeys.findByCredentialId(response.id);
    if (!passkey) return this.refuse(undefined, client, 'unknown_credential');
    // The user handle, when sent, is the account id given at registration: it must match the credential's owner.
    if (response.response.userHandle && Buffer.from(response.response.userHandle, 'base64url').toString('utf8') !== passkey.userId) {
      return this.refuse(passkey.userId, client, 'user_handle_mismatch');
    }
    const verification = await verifyAuthenticationResponse({
      response,
      // Spent on first sight, whatever happens next: a challenge is never accepted twice.
      expectedChallenge: (challenge) => this.challenges.takeSignIn(challenge),
      expectedOrigin: this.rp.origin,
      expectedRPID: this.rp.id,
      credential: { id: passkey.credentialId, publicKey: passkey.publicKey, counter: passkey.signCount, transports: passkey.transports },
      requireUserVerification: true,
    }).catch((error: unknown) => {
      this.logger.warn({ userId: passkey.userId, reason: error instanceof Error ? error.message : String(error) }, 'passkey assertion refused');
      return null;
    });
    if (!verification?.verified) return this.refuse(passkey.userId, client, 'assertion_invalid');
    const { newCounter } = verification.authenticationInfo;
    if (!(await this.passkeys.recordUse(passkey.id, passkey.signCount, newCounter, this.clock.now()))) {
      return this.refuse(passkey.userId, client, 'counter_not_increasing');
    }

    const user = await this.accounts.getById(passkey.userId);
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
