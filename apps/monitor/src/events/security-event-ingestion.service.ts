import { Injectable, Logger } from '@nestjs/common';
import { scrubSecurityEvent, type SecurityEvent } from '@storefront/platform/events';
import type { AlertView } from '../alerts/alert.view';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { SecurityMetrics } from '../metrics/security-metrics';
import { ResponseExecutor } from '../responses/response-executor.service';
import { toRecordedEvent } from '../rules/recorded-event';
import { RuleEngine } from '../rules/rule-engine.service';
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
 * so a retried job never leaves an event without its audit entry, and a
 * redelivered event (same id) changes nothing. Responses (lock, block) run
 * after the commit.
 */
@Injectable()
export class SecurityEventIngestion {
  private readonly logger = new Logger(SecurityEventIngestion.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: SecurityEventsRepository,
    private readonly audit: AuditService,
    private readonly rules: RuleEngine,
    private readonly responses: ResponseExecutor,
    private readonly metrics: SecurityMetrics,
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
    const { duplicate, alerts } = await this.unitOfWork.run(async (tx) => {
      await this.audit.lockForAppend(tx);
      if (!(await this.events.insertIfNew(tx, event))) return { duplicate: true, alerts: [] as AlertView[] };
      await this.audit.append(tx, {
        actor: event.service,
        action: 'security_event.recorded',
        subject: `security_event:${event.id}`,
        details: { type: event.type, outcome: event.outcome },
      });
      const raised = await this.rules.evaluate(tx, toRecordedEvent(event));
      for (const alert of raised) {
        await this.audit.append(tx, { actor: 'monitor', action: 'alert.raised', subject: `alert:${alert.id}`, details: { rule: alert.rule, severity: alert.severity } });
      }
      return { duplicate: false, alerts: raised };
    });
    if (!duplicate) this.metrics.eventStored(event);
    for (const alert of alerts) {
      this.metrics.alertRaised(alert);
      await this.responses.execute(alert);
    }
    this.logger.log({ eventId: event.id, eventType: event.type, duplicate, alerts: alerts.length }, 'security event ingested');
    return { id: event.id, duplicate, alertIds: alerts.map((a) => a.id) };
  }
}
