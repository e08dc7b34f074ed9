import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { type RewrapResult, RewrapService } from './rewrap.service';

/** Operators (and tests) can run the rewrap at once after a rotation instead of waiting for the interval. */
@Controller('internal/rewrap')
@AllowedClients('ops')
export class RewrapController {
  constructor(private readonly rewrap: RewrapService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  run(): Promise<RewrapResult> {
    return this.rewrap.run();
  }
}
