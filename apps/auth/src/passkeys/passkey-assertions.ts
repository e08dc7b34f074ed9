import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { Clock } from '../system/clock';
import { PasskeysRepository } from './passkeys.repository';
import { relyingPartyFrom, type RelyingParty } from './relying-party';
import { CHALLENGE_TTL_SECONDS } from './webauthn-challenges';
import { asAuthenticationResponse } from './webauthn-responses';

/** Why an assertion was refused: for the log only, never for the caller (one answer for every refusal). */
export type AssertionRefusal = 'malformed' | 'unknown_credential' | 'credential_of_another_account' | 'user_handle_mismatch' | 'assertion_invalid' | 'counter_not_increasing';

export type AssertionOutcome =
  | { verified: true; userId: string }
  /** userId: the credential's owner, when the credential is known. */
  | { verified: false; userId?: string; reason: AssertionRefusal };

export interface AssertionExpectations {
  /** Spends the challenge the response signed; true only for a challenge issued for this ceremony (and this caller). */
  takeChallenge: (challenge: string) => Promise<boolean>;
  /** Step-up: the credential must be one of this account's own. Sign-in leaves it open (the passkey names the account). */
  ownerId?: string;
}

/**
 * A passkey assertion (navigator.credentials.get), from options to a
 * verified, counted use: shared by sign-in and step-up, which differ only
 * in whose credentials are allowed and where the challenge is kept. User
 * verification (PIN or biometric) is always required: the assertion stands
 * for possession plus one more factor.
 */
@Injectable()
export class PasskeyAssertions {
  private readonly logger = new Logger(PasskeyAssertions.name);
  private readonly rp: RelyingParty;

  constructor(
    private readonly passkeys: PasskeysRepository,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.rp = relyingPartyFrom(config);
  }

  /** Options for the browser; without allowCredentials it offers any passkey of this site (discoverable sign-in). */
  options(allowCredentials?: { credentialId: string; transports: string[] }[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return generateAuthenticationOptions({
      rpID: this.rp.id,
      userVerification: 'required',
      timeout: CHALLENGE_TTL_SECONDS * 1000,
      allowCredentials: allowCredentials?.map((c) => ({ id: c.credentialId, transports: c.transports })),
    });
  }

  async verify(raw: Record<string, unknown>, expected: AssertionExpectations): Promise<AssertionOutcome> {
    const response = asAuthenticationResponse(raw);
    if (!response) return { verified: false, reason: 'malformed' };
    const passkey = await this.passkeys.findByCredentialId(response.id);
    if (!passkey) return { verified: false, reason: 'unknown_credential' };
    // Checked before the signature: another account's passkey must neither pass nor move that account's counter.
    if (expected.ownerId !== undefined && passkey.userId !== expected.ownerId) {
      return { verified: false, userId: passkey.userId, reason: 'credential_of_another_account' };
    }
    // The user handle, when sent, is the account id given at registration: it must match the credential's owner.
    if (response.response.userHandle && Buffer.from(response.response.userHandle, 'base64url').toString('utf8') !== passkey.userId) {
      return { verified: false, userId: passkey.userId, reason: 'user_handle_mismatch' };
    }
    const verification = await verifyAuthenticationResponse({
      response,
      // Spent on first sight, whatever happens next: a challenge is never accepted twice.
      expectedChallenge: expected.takeChallenge,
      expectedOrigin: this.rp.origin,
      expectedRPID: this.rp.id,
      credential: { id: passkey.credentialId, publicKey: passkey.publicKey, counter: passkey.signCount, transports: passkey.transports },
      requireUserVerification: true,
    }).catch((error: unknown) => {
      this.logger.warn({ userId: passkey.userId, reason: error instanceof Error ? error.message : String(error) }, 'passkey assertion refused');
      return null;
    });
    if (!verification?.verified) return { verified: false, userId: passkey.userId, reason: 'assertion_invalid' };
    const { newCounter } = verification.authenticationInfo;
    if (!(await this.passkeys.recordUse(passkey.id, passkey.signCount, newCounter, this.clock.now()))) {
      return { verified: false, userId: passkey.userId, reason: 'counter_not_increasing' };
    }
    return { verified: true, userId: passkey.userId };
  }
}
