import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { toNormalizedEmail } from '../../accounts/email';

/**
 * Deliberately looser than registration (no email format check): any
 * wrong pair gets the same 401, so the response never hints at which part
 * was wrong. Bounds still cap the work an attacker can ask for.
 */
export class LoginDto {
  @Transform(toNormalizedEmail)
  @IsString()
  @Length(1, 254)
  email!: string;

  @IsString()
  @Length(1, 64)
  password!: string;
}
