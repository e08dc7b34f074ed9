import { Controller, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { SKIP_ALL_TIERS } from '../edge/rate-limit-tiers';

/** Public liveness; never rate-limited so an orchestrator's probes cannot be locked out by a flood. */
@Controller('healthz')
@SkipThrottle(SKIP_ALL_TIERS)
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
