import { Body, Controller, Header, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { ActiveSessionGuard } from '../sessions/active-session.guard';
import { ChangePasswordDto } from './dto/change-password.dto';
import type { PasswordChangedDto } from './dto/password-changed.dto';
import { PasswordChangeService } from './password-change.service';

/**
 * Bearer-token only (no cookie is read), so a cross-site request cannot
 * make it: the token lives in the page's memory, and the gateway refuses a
 * foreign Origin on every state change.
 */
@Controller('auth/password')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard, ActiveSessionGuard)
@RequirePermission('account:manage:own')
export class PasswordChangeController {
  constructor(private readonly passwordChange: PasswordChangeService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  change(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @ClientIp() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<PasswordChangedDto> {
    return this.passwordChange.change({ userId: user.id, sessionId: user.sessionId, ...body }, { ip, userAgent });
  }
}
