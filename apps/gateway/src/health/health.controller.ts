import { Controller, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';

/** Public liveness; never rate-limited so an orchestrator's probes cannot be locked out by a flood. */
@Controller('healthz')
@SkipThrottle()
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
