import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { redisTlsOptions } from '@storefront/platform/config';
import type { SecurityEventSink } from './security-event.sink';
import { SECURITY_EVENTS_QUEUE, type SecurityEvent } from './security-event.types';

/** Retries stay inside BullMQ: a consumer outage is absorbed by the queue, not by the request. */
export const SECURITY_EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  // Failed jobs are kept (bounded) so an operator can see why the monitor refused them.
  removeOnFail: 1_000,
} as const;

const OUTAGE_STATES = new Set(['reconnecting', 'close', 'end']);

/** Enqueues events on the `security-events` BullMQ queue. The job id is the event id, so a re-publish is not queued twice. */
export class BullMqSecurityEventSink implements SecurityEventSink {
  private readonly logger = new Logger(BullMqSecurityEventSink.name);
  private readonly connection: Redis;
  private readonly queue: Queue;
  private lastErrorLoggedAt = 0;

  constructor(redisUrl: string, prefix: string) {
    // No offline queue: while Redis is down a publish fails at once (and is dropped) instead of piling up in memory.
    this.connection = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, ...redisTlsOptions(redisUrl) });
    this.connection.on('error', (error: Error) => this.logConnectionError(error));
    this.queue = new Queue(SECURITY_EVENTS_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', (error: Error) => this.logConnectionError(error));
  }

  async deliver(event: SecurityEvent): Promise<void> {
    // During an outage fail at once rather than wait for a reconnect: the caller may be a login request.
    // (While the first connection is still being made, the publisher's timeout bounds the wait instead.)
    if (OUTAGE_STATES.has(this.connection.status)) throw new Error(`Redis connection is ${this.connection.status}`);
    await this.queue.add(event.type, event, { ...SECURITY_EVENT_JOB_OPTIONS, jobId: event.id });
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  // ioredis reports every reconnect attempt; one line every 30 s is enough to notice.
  private logConnectionError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt < 30_000) return;
    this.lastErrorLoggedAt = now;
    this.logger.warn({ reason: error.message }, 'security events queue: Redis unavailable');
  }
}
