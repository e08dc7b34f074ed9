import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { SecurityEvent } from '@storefront/platform/events';
import { ServiceMetrics } from '@storefront/platform/metrics';
import type { AlertView } from '../alerts/alert.view';

/**
 * Security counters, counted where every event arrives: the monitor. One
 * series per event type and outcome covers WAF blocks (edge.waf.blocked),
 * rate-limit blocks (edge.rate_limited), failed sign-ins (auth.login.failed),
 * tokenizations and charges; labels come from the closed type/outcome lists,
 * never from event content. Counted once per stored event (duplicates are not).
 */
@Injectable()
export class SecurityMetrics {
  private readonly events: Counter<'type' | 'outcome' | 'source_service'>;
  private readonly alerts: Counter<'rule' | 'severity'>;

  constructor(metrics: ServiceMetrics) {
    this.events = metrics.securityCounter('security_events_total', 'Security events stored by the monitor, by type, outcome and reporting service.', ['type', 'outcome', 'source_service']);
    this.alerts = metrics.securityCounter('security_alerts_raised_total', 'Alerts raised, by rule and severity.', ['rule', 'severity']);
  }

  eventStored(event: SecurityEvent): void {
    this.events.inc({ type: event.type, outcome: event.outcome, source_service: event.service });
  }

  alertRaised(alert: AlertView): void {
    this.alerts.inc({ rule: alert.rule, severity: alert.severity });
  }
}
