import { IsString, Length, Matches } from 'class-validator';

export class VerifyMfaDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'mfaToken must be the token returned by sign-in' })
  mfaToken!: string;

  /** A 6-digit TOTP code or a recovery code (xxxxx-xxxxx; case, spaces and dashes ignored). */
  @IsString()
  @Length(6, 32)
  code!: string;
}
