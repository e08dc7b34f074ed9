import { Body, Controller, Header, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Response } from 'express';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import type { AccessTokenDto } from '../sessions/dto/access-token.dto';
import { setRefreshCookie } from '../sessions/refresh-cookie';
import { Clock } from '../system/clock';
import { PasskeyAssertionDto } from './dto/passkey-assertion.dto';
import { PasskeySignInService } from './passkey-sign-in.service';

/** Public (listed in the gateway's PUBLIC_AUTH_POSTS): signing in happens before there is a token. */
@Controller('auth/passkeys/authentication')
@AllowedClients('gateway')
export class PasskeySignInController {
  constructor(
    private readonly signIn: PasskeySignInService,
    private readonly clock: Clock,
  ) {}

  @Post('options')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  options(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.signIn.options();
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async verify(
    @Body() body: PasskeyAssertionDto,
    @ClientIp() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenDto> {
    const tokens = await this.signIn.signIn(body.response, { ip, userAgent });
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, this.clock.now());
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }
}
