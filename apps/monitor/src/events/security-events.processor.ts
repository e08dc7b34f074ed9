import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { parseSecurityEvent, PromptlyClosingWorkerHost, SECURITY_EVENTS_QUEUE } from '@storefront/platform/events';
import { runWithContext } from '@storefront/platform/logging';
import { type IngestionResult, SecurityEventIngestion } from './security-event-ingestion.service';

/**
 * Consumes the `security-events` queue. A payload that fails validation is
 * failed for good (retrying cannot fix it); a database error is thrown so
 * BullMQ retries with backoff.
 */
@Processor(SECURITY_EVENTS_QUEUE)
export class SecurityEventsProcessor extends PromptlyClosingWorkerHost {
  private readonly logger = new Logger(SecurityEventsProcessor.name);

  constructor(private readonly ingestion: SecurityEventIngestion) {
    super();
  }

  async process(job: Job<unknown>): Promise<IngestionResult> {
    const parsed = parseSecurityEvent(job.data);
    if (!parsed.ok) {
      this.logger.warn({ jobId: job.id, problems: parsed.problems }, 'security event job refused: invalid payload');
      throw new UnrecoverableError('invalid security event payload');
    }
    const event = parsed.event;
    // Carry the publisher's correlation id so this job's log lines join the request that caused it.
    return runWithContext({ correlationId: event.correlationId ?? randomUUID() }, () => this.ingestion.ingest(event));
  }
}
