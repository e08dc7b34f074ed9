import { randomUUID } from 'node:crypto';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PromptlyClosingWorkerHost } from '@storefront/platform/events';
import { runWithContext } from '@storefront/platform/logging';
import { CARD_KEY_REWRAP_QUEUE, CARD_KEY_REWRAP_WORKER_OPTIONS, type RewrapJobData } from './rewrap.queue';
import { type RewrapResult, RewrapService } from './rewrap.service';

/**
 * Runs rewraps, scheduled or started by an admin or ops. A thrown error (KMS down) is retried with backoff from
 * the saved cursor; a run cut short by a forced close at shutdown is resumed there by another worker.
 */
@Processor(CARD_KEY_REWRAP_QUEUE, CARD_KEY_REWRAP_WORKER_OPTIONS)
export class RewrapProcessor extends PromptlyClosingWorkerHost {
  private readonly logger = new Logger(RewrapProcessor.name);
  private lastErrorLoggedAt = 0;

  constructor(private readonly rewrap: RewrapService) {
    super();
  }

  process(job: Job<RewrapJobData, RewrapResult>): Promise<RewrapResult> {
    return runWithContext({ correlationId: randomUUID() }, () => this.rewrap.run(job));
  }

  /** ioredis reports every reconnect attempt while the vault's Redis is down; one line every 30 s is enough to notice. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < 30_000) return;
    this.lastErrorLoggedAt = now;
    this.logger.warn({ reason: error.message }, 'rewrap queue: the vault Redis is unavailable; the rewrap waits, charges go on');
  }
}
