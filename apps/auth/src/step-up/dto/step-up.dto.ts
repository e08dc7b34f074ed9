import { IsString, Length } from 'class-validator';

export class StepUpDto {
  /** A 6-digit TOTP code or a recovery code (xxxxx-xxxxx; case, spaces and dashes ignored). */
  @IsString()
  @Length(6, 32)
  code!: string;
}
