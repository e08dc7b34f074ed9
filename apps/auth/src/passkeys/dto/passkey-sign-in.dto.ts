import { IsObject } from 'class-validator';

export class PasskeySignInDto {
  /** The browser's AuthenticationResponseJSON (checked in webauthn-responses.ts and by SimpleWebAuthn). */
  @IsObject()
  response!: Record<string, unknown>;
}
