import { IsString, Length, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  // Any length the account could have been given; bounded so argon2 work per request stays bounded.
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  // 8..64 per NIST SP 800-63B, like registration; the breached-password check runs in the service.
  @IsString()
  @Length(8, 64)
  newPassword!: string;
}
