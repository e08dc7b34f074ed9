import { Body, Controller, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { DomainError } from '@storefront/platform/http';
import { AllowedClients } from '@storefront/platform/mtls';
import { PrismaService } from '../database/prisma.service';
import { Clock } from '../system/clock';
import { UserIdParamsDto } from './dto/user-id-params.dto';

export class InternalLockDto {
  /** How long the account stays locked; support lifts it earlier with POST /admin/users/:id/unlock. */
  @IsInt()
  @Min(60)
  @Max(30 * 24 * 3600)
  durationSeconds!: number;
}

/**
 * The monitor's automated response to an account takeover signal (impossible
 * travel, ...): POST /internal/users/:id/lock over mTLS, monitor only. It sets
 * the same lock a run of failed sign-ins sets, so sign-in refuses the account
 * with the usual message until the lock runs out or support unlocks it.
 */
@Controller('internal/users')
@AllowedClients('monitor')
export class InternalLockController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  @Post(':id/lock')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  async lock(@Param() params: UserIdParamsDto, @Body() body: InternalLockDto): Promise<{ id: string; lockedUntil: string }> {
    const lockedUntil = new Date(this.clock.now().getTime() + body.durationSeconds * 1000);
    const { count } = await this.prisma.user.updateMany({ where: { id: params.id }, data: { lockedUntil } });
    if (count !== 1) throw new DomainError('ACCOUNT_NOT_FOUND', 'There is no account with this id.', HttpStatus.NOT_FOUND);
    return { id: params.id, lockedUntil: lockedUntil.toISOString() };
  }
}
