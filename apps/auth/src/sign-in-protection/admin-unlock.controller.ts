import { Controller, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { UserIdParamsDto } from './dto/user-id-params.dto';
import type { UnlockResultDto } from './dto/unlock-result.dto';
import { SignInProtectionService } from './sign-in-protection.service';

/** Reached through the gateway as POST /api/admin/users/:id/unlock. */
@Controller('admin/users')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('accounts:unlock')
export class AdminUnlockController {
  constructor(private readonly protection: SignInProtectionService) {}

  @Post(':id/unlock')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async unlock(@Param() params: UserIdParamsDto, @CurrentUser() staff: AuthenticatedUser): Promise<UnlockResultDto> {
    await this.protection.unlock(params.id, staff.id);
    return { id: params.id, locked: false, failedAttempts: 0 };
  }
}
