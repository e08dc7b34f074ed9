import { Injectable, Logger } from '@nestjs/common';
import { scrubSecurityEvent, type SecurityEvent } from '@storefront/platform/events';
import { BruteForceLoginRule } from '../alerts/brute-force-login.rule';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { eventsError, EventsError } from './events.errors';
import { SecurityEventsRepository } from './security-events.repository';

export interface IngestionResult {
  id: string;
  /** True when this event id had been stored before: nothing was written. */
  duplicate: boolean;
  alertIds: string[];
}

/**
 * The one ingestion path for queue jobs and POST /events: store the event
 * once, append it to the audit log, run the rules. All in one transaction,
 * so a retried job never leaves an event without its audit entry.
 */
@Injectable()
export class SecurityEventIngestion {
  private readonly logger = new Logger(SecurityEventIngestion.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: SecurityEventsRepository,
    private readonly audit: AuditService,
    private readonly bruteForce: BruteForceLoginRule,
  ) {}

  /** For POST /events: a service may only report events in its own name. */
  ingestFrom(caller: string | undefined, event: SecurityEvent): Promise<IngestionResult> {
    if (event.service !== caller) {
      throw eventsError(EventsError.ServiceMismatch, `Events must be reported by the service that emits them (${caller ?? 'unknown'} sent one for ${event.service}).`);
    }
    return this.ingest(event);
  }

  async ingest(received: SecurityEvent): Promise<IngestionResult> {
    // Publishers scrub too; the monitor does it again because it trusts no one.
    const event = scrubSecurityEvent(received);
    const result = await this.unitOfWork.run(async (tx) => {
      await this.audit.lockForAppend(tx);
      if (!(await this.events.insertIfNew(tx, event))) return { id: event.id, duplicate: true, alertIds: [] };
      await this.audit.append(tx, {
        actor: event.service,
        action: 'security_event.recorded',
        subject: `security_event:${event.id}`,
        details: { type: event.type, outcome: event.outcome },
      });
      const alert = await this.bruteForce.evaluate(tx, event);
      if (alert) {
        await this.audit.append(tx, { actor: 'monitor', action: 'alert.raised', subject: `alert:${alert.id}`, details: { rule: alert.rule, severity: alert.severity } });
      }
      return { id: event.id, duplicate: false, alertIds: alert ? [alert.id] : [] };
    });
    this.logger.log({ eventId: result.id, eventType: event.type, duplicate: result.duplicate }, 'security event ingested');
    return result;
  }
}
