import { IsObject } from 'class-validator';

/** A passkey sign-in or step-up: the authenticator's answer to a challenge. */
export class PasskeyAssertionDto {
  /** The browser's AuthenticationResponseJSON (checked in webauthn-responses.ts and by SimpleWebAuthn). */
  @IsObject()
  response!: Record<string, unknown>;
}
