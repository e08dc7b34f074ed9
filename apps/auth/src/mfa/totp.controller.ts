import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ConfirmTotpDto } from './dto/confirm-totp.dto';
import type { RecoveryCodesDto } from './dto/recovery-codes.dto';
import type { TotpEnrollmentDto } from './dto/totp-enrollment.dto';
import { MfaService } from './mfa.service';

@Controller('auth/mfa/totp')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('account:manage:own')
export class TotpController {
  constructor(private readonly mfa: MfaService) {}

  @Post('enroll')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  enroll(@CurrentUser() user: AuthenticatedUser): Promise<TotpEnrollmentDto> {
    return this.mfa.enrollTotp(user.id);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  confirm(@CurrentUser() user: AuthenticatedUser, @Body() body: ConfirmTotpDto): Promise<RecoveryCodesDto> {
    return this.mfa.confirmTotp(user.id, body.code);
  }
}
