import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { SecurityEventDto } from '@storefront/platform/events';
import { AllowedClients, peerIdentity } from '@storefront/platform/mtls';
import { type IngestionResult, SecurityEventIngestion } from './security-event-ingestion.service';

/** Ingest for the isolated vault zone, which cannot reach Redis: same path as the queue. */
@Controller('events')
@AllowedClients('payment-vault', 'kms')
export class SecurityEventsController {
  constructor(private readonly ingestion: SecurityEventIngestion) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async ingest(@Body() event: SecurityEventDto, @Req() req: Request): Promise<Pick<IngestionResult, 'id' | 'duplicate'>> {
    const { id, duplicate } = await this.ingestion.ingestFrom(peerIdentity(req), event);
    return { id, duplicate };
  }
}
