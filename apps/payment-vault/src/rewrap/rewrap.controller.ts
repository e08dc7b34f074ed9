import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { rewrapError, RewrapError } from './rewrap.errors';
import { RewrapQueueUnavailableError, RewrapRunUnfinishedError, RewrapScheduler } from './rewrap.scheduler';
import type { RewrapResult } from './rewrap.service';

/** Operators (and tests) can run the rewrap at once after a rotation instead of waiting for the interval: queued, then awaited. */
@Controller('internal/rewrap')
@AllowedClients('ops')
export class RewrapController {
  constructor(private readonly scheduler: RewrapScheduler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  async run(): Promise<RewrapResult> {
    try {
      return await this.scheduler.runAndWait();
    } catch (error) {
      if (error instanceof RewrapQueueUnavailableError) throw rewrapError(RewrapError.QueueUnavailable, 'The rewrap queue is not reachable right now. Try again shortly.');
      if (error instanceof RewrapRunUnfinishedError) throw rewrapError(RewrapError.QueueUnavailable, 'The rewrap did not finish (the key service may be unavailable); it continues on its own from where it stopped.');
      throw error;
    }
  }
}
