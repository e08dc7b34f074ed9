import { Body, Controller, Delete, Get, Header, Headers, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { ActiveSessionGuard } from '../sessions/active-session.guard';
import { PasskeyIdParamsDto } from './dto/passkey-id-params.dto';
import type { PasskeyDto } from './dto/passkey.dto';
import { RegisterPasskeyDto } from './dto/register-passkey.dto';
import { PasskeysService } from './passkeys.service';

/** A signed-in user's passkeys: add one (options, then verify), list them, remove one. */
@Controller('auth/passkeys')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard, ActiveSessionGuard)
@RequirePermission('account:manage:own')
export class PasskeysController {
  constructor(private readonly passkeys: PasskeysService) {}

  @Post('registration/options')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  registrationOptions(@CurrentUser() user: AuthenticatedUser): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return this.passkeys.registrationOptions(user.id);
  }

  @Post('registration/verify')
  @HttpCode(HttpStatus.CREATED)
  register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterPasskeyDto,
    @ClientIp() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<PasskeyDto> {
    return this.passkeys.register(user.id, body.response, body.name, { ip, userAgent });
  }

  @Get()
  @Header('cache-control', 'no-store')
  list(@CurrentUser() user: AuthenticatedUser): Promise<PasskeyDto[]> {
    return this.passkeys.list(user.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  remove(@CurrentUser() user: AuthenticatedUser, @Param() params: PasskeyIdParamsDto, @ClientIp() ip: string | undefined): Promise<void> {
    return this.passkeys.remove(user.id, params.id, { ip });
  }
}
