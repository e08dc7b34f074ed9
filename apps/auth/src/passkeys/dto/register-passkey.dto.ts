import { IsObject, IsOptional, IsString, Length } from 'class-validator';

export class RegisterPasskeyDto {
  /** The browser's RegistrationResponseJSON; its structure is checked in webauthn-responses.ts, its content by SimpleWebAuthn. */
  @IsObject()
  response!: Record<string, unknown>;

  /** A label for the Security page; defaults to the device it was created on. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  name?: string;
}
