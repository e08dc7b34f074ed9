import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { toNormalizedEmail } from '../email';

/** A new customer account. Roles are decided by the server and are not a field here. */
export class RegisterDto {
  @Transform(toNormalizedEmail)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  // 8..64 per NIST SP 800-63B; the upper bound also caps the work argon2 does per request.
  @IsString()
  @Length(8, 64)
  password!: string;

  @IsString()
  @Length(1, 100)
  name!: string;
}
