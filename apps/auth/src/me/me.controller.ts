import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { ProfileDto } from './dto/profile.dto';
import { MeService } from './me.service';

@Controller('me')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('account:manage:own')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Header('cache-control', 'no-store')
  profile(@CurrentUser() user: AuthenticatedUser): Promise<ProfileDto> {
    return this.me.profile(user.id);
  }
}
