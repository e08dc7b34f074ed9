import { Body, Controller, Delete, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { UserIdParamsDto } from '../sign-in-protection/dto/user-id-params.dto';
import { GrantRoleDto } from './dto/grant-role.dto';
import type { RoleChangeDto } from './dto/role-change.dto';
import { RoleParamsDto } from './dto/role-params.dto';
import { StaffRolesService } from './staff-roles.service';

/** Reached through the gateway as /api/admin/users/:id/roles: admins give and take staff roles. */
@Controller('admin/users')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('roles:grant')
export class StaffRolesController {
  constructor(private readonly roles: StaffRolesService) {}

  @Post(':id/roles')
  @HttpCode(HttpStatus.CREATED)
  @Header('cache-control', 'no-store')
  grant(@Param() params: UserIdParamsDto, @Body() body: GrantRoleDto, @CurrentUser() admin: AuthenticatedUser): Promise<RoleChangeDto> {
    return this.roles.grant(params.id, body.role, admin.id);
  }

  @Delete(':id/roles/:role')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  revoke(@Param() params: RoleParamsDto, @CurrentUser() admin: AuthenticatedUser): Promise<RoleChangeDto> {
    return this.roles.revoke(params.id, params.role, admin.id);
  }
}
