import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { ActiveSessionGuard } from '../sessions/active-session.guard';
import type { AccessTokenDto } from '../sessions/dto/access-token.dto';
import { StepUpDto } from './dto/step-up.dto';
import { StepUpService } from './step-up.service';

/** POST /auth/step-up: confirm a second factor again; answers a fresh access token (like a refresh). */
@Controller('auth/step-up')
@AllowedClients('gateway')
// account:manage:own is not a staff permission: step-up must never itself ask for a step-up.
@UseGuards(SignedInGuard, PermissionGuard, ActiveSessionGuard)
@RequirePermission('account:manage:own')
export class StepUpController {
  constructor(private readonly stepUps: StepUpService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  stepUp(@CurrentUser() user: AuthenticatedUser, @Body() body: StepUpDto, @ClientIp() clientIp: string | undefined): Promise<AccessTokenDto> {
    return this.stepUps.stepUp(user, body.code, clientIp);
  }
}
