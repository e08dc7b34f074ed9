import { IsString, Matches } from 'class-validator';

export class ConfirmTotpDto {
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6-digit code from the authenticator app' })
  code!: string;
}
