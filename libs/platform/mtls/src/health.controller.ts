import { Controller, Get } from '@nestjs/common';
import { AllowedClients } from './allowed-clients';
import { SERVICE_IDENTITIES } from './identities';

/** Liveness only: the process is up and completes a mutual TLS handshake. Any project identity may ask. */
@Controller('healthz')
@AllowedClients(...SERVICE_IDENTITIES)
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
