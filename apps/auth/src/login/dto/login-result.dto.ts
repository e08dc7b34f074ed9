import type { AccessTokenDto } from '../../sessions/dto/access-token.dto';

/** The password was right and a second factor is due: nothing that grants access is returned yet. */
export interface MfaRequiredDto {
  mfaRequired: true;
  mfaToken: string;
}

export type LoginResultDto = AccessTokenDto | MfaRequiredDto;
