import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import { AccountsService } from '../accounts/accounts.service';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { describeDevice } from '../sessions/device-name';
import type { ClientFacts } from '../sessions/sessions.service';
import type { PasskeyDto } from './dto/passkey.dto';
import { PasskeysError, passkeysError } from './passkeys.errors';
import { type PasskeySummary, PasskeysRepository } from './passkeys.repository';
import { relyingPartyFrom, type RelyingParty } from './relying-party';
import { CHALLENGE_TTL_SECONDS, WebAuthnChallenges } from './webauthn-challenges';
import { asRegistrationResponse } from './webauthn-responses';

const toDto = (passkey: PasskeySummary): PasskeyDto => ({
  id: passkey.id,
  name: passkey.name,
  createdAt: passkey.createdAt.toISOString(),
  lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  backedUp: passkey.backedUp,
});

/** Adding, listing and removing a signed-in user's passkeys. */
@Injectable()
export class PasskeysService {
  private readonly logger = new Logger(PasskeysService.name);
  private readonly rp: RelyingParty;

  constructor(
    private readonly passkeys: PasskeysRepository,
    private readonly challenges: WebAuthnChallenges,
    private readonly accounts: AccountsService,
    private readonly events: AuthSecurityEvents,
    @Inject(AUTH_CONFIG) config: AuthConfig,
  ) {
    this.rp = relyingPartyFrom(config);
  }

  async registrationOptions(userId: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const user = await this.accounts.getById(userId);
    const existing = await this.passkeys.credentialIdsOf(userId);
    const options = await generateRegistrationOptions({
      rpName: this.rp.name,
      rpID: this.rp.id,
      // The account id as user handle: sign-in with a discoverable passkey hands it back.
      userID: new TextEncoder().encode(user.id),
      userName: user.email,
      userDisplayName: user.name,
      timeout: CHALLENGE_TTL_SECONDS * 1000,
      attestationType: 'none',
      // The same authenticator twice would add nothing: the browser skips these.
      excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
      // Discoverable (sign in without typing an email) and user-verified (PIN or biometric): possession plus one more factor.
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await this.challenges.rememberRegistration(userId, options.challenge);
    return options;
  }

  async register(userId: string, raw: Record<string, unknown>, name: string | undefined, client: ClientFacts): Promise<PasskeyDto> {
    const response = asRegistrationResponse(raw);
    if (!response) throw passkeysError(PasskeysError.RegistrationFailed, 'The passkey response is malformed. Try adding the passkey again.');
    const expectedChallenge = await this.challenges.takeRegistration(userId);
    if (!expectedChallenge) throw passkeysError(PasskeysError.RegistrationFailed, 'The passkey request expired or was already used. Start again.');
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: this.rp.origin,
      expectedRPID: this.rp.id,
      requireUserVerification: true,
    }).catch((error: unknown) => {
      this.logger.warn({ userId, reason: error instanceof Error ? error.message : String(error) }, 'passkey registration refused');
      return null;
    });
    if (!verification?.verified) throw passkeysError(PasskeysError.RegistrationFailed, 'The passkey could not be verified. Try adding it again.');

    const { credential, credentialBackedUp } = verification.registrationInfo;
    const saved = await this.passkeys.create({
      userId,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      signCount: credential.counter,
      transports: credential.transports ?? [],
      name: name?.trim() || describeDevice(client.userAgent),
      backedUp: credentialBackedUp,
    });
    if (!saved) throw passkeysError(PasskeysError.AlreadyRegistered, 'This passkey is already registered.');
    const user = await this.accounts.getById(userId);
    this.logger.log({ userId, passkeyId: saved.id }, 'passkey added');
    this.events.passkeyAdded({ userId, email: user.email, ip: client.ip });
    return toDto(saved);
  }

  async list(userId: string): Promise<PasskeyDto[]> {
    return (await this.passkeys.listOf(userId)).map(toDto);
  }

  /** Someone else's passkey id is answered like an unknown one. */
  async remove(userId: string, passkeyId: string, client: ClientFacts): Promise<void> {
    if (!(await this.passkeys.remove(userId, passkeyId))) throw passkeysError(PasskeysError.PasskeyNotFound, 'No such passkey.');
    const user = await this.accounts.getById(userId);
    this.logger.log({ userId, passkeyId }, 'passkey removed');
    this.events.passkeyRemoved({ userId, email: user.email, ip: client.ip });
  }
}
