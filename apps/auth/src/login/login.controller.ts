import { Body, Controller, Header, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import type { AccessTokenDto } from '../sessions/dto/access-token.dto';
import { setRefreshCookie } from '../sessions/refresh-cookie';
import type { SessionTokens } from '../sessions/sessions.service';
import { Clock } from '../system/clock';
import type { LoginResultDto } from './dto/login-result.dto';
import { LoginDto } from './dto/login.dto';
import { VerifyMfaDto } from './dto/verify-mfa.dto';
import { LoginService } from './login.service';

@Controller('auth')
@AllowedClients('gateway')
export class LoginController {
  constructor(
    private readonly login: LoginService,
    private readonly clock: Clock,
  ) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async signIn(
    @Body() body: LoginDto,
    @ClientIp() clientIp: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResultDto> {
    const outcome = await this.login.login(body.email, body.password, { clientIp, userAgent });
    if (outcome.kind === 'mfa-required') return { mfaRequired: true, mfaToken: outcome.mfaToken };
    return this.signedIn(res, outcome.tokens);
  }

  @Post('mfa/verify')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async verifyMfa(
    @Body() body: VerifyMfaDto,
    @ClientIp() clientIp: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenDto> {
    return this.signedIn(res, await this.login.completeMfa(body.mfaToken, body.code, { clientIp, userAgent }));
  }

  private signedIn(res: Response, tokens: SessionTokens): AccessTokenDto {
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, this.clock.now());
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }
}
