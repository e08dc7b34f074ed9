import { Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ActiveSessionGuard } from './active-session.guard';
import type { SessionDto } from './dto/session.dto';
import { SessionIdParamsDto } from './dto/session-id-params.dto';
import { SessionsService } from './sessions.service';

/** The user's own signed-in devices: list them, end one. */
@Controller('auth/sessions')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard, ActiveSessionGuard)
@RequirePermission('account:manage:own')
export class SessionListController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @Header('cache-control', 'no-store')
  list(@CurrentUser() user: AuthenticatedUser): Promise<SessionDto[]> {
    return this.sessions.list(user.id, user.sessionId);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  end(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamsDto): Promise<void> {
    return this.sessions.end(user.id, params.id);
  }
}
