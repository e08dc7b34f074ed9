import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { PasskeyAssertionDto } from '../passkeys/dto/passkey-assertion.dto';
import { ActiveSessionGuard } from '../sessions/active-session.guard';
import type { AccessTokenDto } from '../sessions/dto/access-token.dto';
import { StepUpDto } from './dto/step-up.dto';
import { PasskeyStepUpService } from './passkey-step-up.service';
import { StepUpService } from './step-up.service';

/**
 * POST /auth/step-up: confirm a second factor again, with a code or a
 * passkey (options, then the authenticator's answer); answers a fresh
 * access token (like a refresh).
 */
@Controller('auth/step-up')
@AllowedClients('gateway')
// account:manage:own is not a staff permission: step-up must never itself ask for a step-up.
@UseGuards(SignedInGuard, PermissionGuard, ActiveSessionGuard)
@RequirePermission('account:manage:own')
export class StepUpController {
  constructor(
    private readonly stepUps: StepUpService,
    private readonly passkeyStepUps: PasskeyStepUpService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  stepUp(@CurrentUser() user: AuthenticatedUser, @Body() body: StepUpDto, @ClientIp() clientIp: string | undefined): Promise<AccessTokenDto> {
    return this.stepUps.stepUp(user, body.code, clientIp);
  }

  @Post('passkey/options')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  passkeyOptions(@CurrentUser() user: AuthenticatedUser): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.passkeyStepUps.options(user);
  }

  @Post('passkey')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  stepUpWithPasskey(@CurrentUser() user: AuthenticatedUser, @Body() body: PasskeyAssertionDto, @ClientIp() clientIp: string | undefined): Promise<AccessTokenDto> {
    return this.passkeyStepUps.stepUp(user, body.response, clientIp);
  }
}
