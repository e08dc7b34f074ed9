import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { currentCorrelationId } from '@storefront/platform/logging';
import { parseSecurityEvent, scrubSecurityEvent } from './parse-security-event';
import { SECURITY_EVENT_SINK, SECURITY_EVENTS_SERVICE, type SecurityEventSink } from './security-event.sink';
import { SECURITY_EVENT_SCHEMA_VERSION, type SecurityEvent, type SecurityEventInput } from './security-event.types';
import { withTimeout } from './with-timeout';

/** Longest a publish may hold up its caller; a slow Redis or monitor must not slow a login. */
export const PUBLISH_TIMEOUT_MS = 2_000;

/**
 * Publishes security events for one service.
 *
 * Trade-off, on purpose: `publish` never throws and never waits more than
 * PUBLISH_TIMEOUT_MS. If the event is invalid or the sink is down, the event
 * is logged (type and reason, never its details) and DROPPED, so an outage of
 * Redis or the monitor cannot take sign-in or checkout down with it. The
 * price is that events can be lost during such an outage; a transactional
 * outbox (a later issue) closes that gap.
 */
@Injectable()
export class SecurityEventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(SecurityEventPublisher.name);

  constructor(
    @Inject(SECURITY_EVENT_SINK) private readonly sink: SecurityEventSink,
    @Inject(SECURITY_EVENTS_SERVICE) private readonly service: string,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Resolves true when the event was handed to the sink, false when it was dropped. Never rejects. */
  async publish(input: SecurityEventInput): Promise<boolean> {
    try {
      const correlationId = currentCorrelationId();
      const event: SecurityEvent = scrubSecurityEvent({
        schema: SECURITY_EVENT_SCHEMA_VERSION,
        id: input.id ?? this.newId(),
        type: input.type,
        service: this.service,
        occurredAt: input.occurredAt ?? this.now().toISOString(),
        ...(correlationId ? { correlationId } : {}),
        actor: input.actor ?? {},
        source: input.source ?? {},
        outcome: input.outcome,
        details: input.details ?? {},
      });
      const parsed = parseSecurityEvent(event);
      if (!parsed.ok) {
        this.logger.error({ eventType: input.type, problems: parsed.problems }, 'security event dropped: invalid');
        return false;
      }
      await withTimeout(this.sink.deliver(event), PUBLISH_TIMEOUT_MS);
      return true;
    } catch (error) {
      this.logger.error({ eventType: input.type, reason: error instanceof Error ? error.message : String(error) }, 'security event dropped: sink unavailable');
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sink.close?.();
  }
}
