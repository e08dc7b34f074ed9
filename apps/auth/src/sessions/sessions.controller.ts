import { Controller, Header, Headers, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AllowedClients } from '@storefront/platform/mtls';
import { ClientIp } from '../http/client-ip.decorator';
import { Clock } from '../system/clock';
import type { AccessTokenDto } from './dto/access-token.dto';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { SessionsService } from './sessions.service';

@Controller('auth')
@AllowedClients('gateway')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async refresh(
    @Req() req: Request,
    @ClientIp() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenDto> {
    try {
      const tokens = await this.sessions.refresh(readRefreshCookie(req), { ip, userAgent });
      setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, this.clock.now());
      return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
    } catch (error) {
      // A refused cookie is useless to the browser: drop it so the client goes back to sign-in.
      clearRefreshCookie(res);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.logout(readRefreshCookie(req));
    clearRefreshCookie(res);
  }
}
