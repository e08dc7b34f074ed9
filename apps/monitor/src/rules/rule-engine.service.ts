import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AlertView, severityRank } from '../alerts/alert.view';
import { AlertsRepository } from '../alerts/alerts.repository';
import type { Tx } from '../database/prisma.service';
import { RULES } from './default-rules';
import { EventHistoryRepository } from './event-history.repository';
import { type Finding, MAX_EVENT_IDS, type RecordedEvent, type Rule } from './rule';

/**
 * Runs every rule an event type wakes, inside the ingestion transaction
 * (which holds the audit append lock, so two events never both decide to
 * raise the same alert). A finding becomes an alert unless each of its
 * subjects already has an alert of that rule, at least as severe, whose
 * quiet window is still open: a sustained attack does not flood the staff,
 * but an escalation (high, then critical) is still raised.
 */
@Injectable()
export class RuleEngine {
  private readonly logger = new Logger(RuleEngine.name);

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly history: EventHistoryRepository,
    @Inject(RULES) private readonly rules: Rule[],
  ) {}

  async evaluate(tx: Tx, event: RecordedEvent): Promise<AlertView[]> {
    const history = this.history.within(tx);
    const raised: AlertView[] = [];
    for (const rule of this.rules) {
      if (!rule.triggers.includes(event.type)) continue;
      for (const finding of await rule.evaluate(event, history)) {
        const alert = await this.raise(tx, event, finding);
        if (alert) raised.push(alert);
      }
    }
    return raised;
  }

  private async raise(tx: Tx, event: RecordedEvent, finding: Finding): Promise<AlertView | null> {
    const open = await this.alerts.openSeverities(tx, finding.rule, finding.subjects, event.occurredAt);
    const rank = severityRank(finding.severity);
    const covered = (s: string) => (open.get(s) ?? []).some((severity) => severityRank(severity) >= rank);
    if (finding.subjects.every(covered)) return null;
    const alert = await this.alerts.create(tx, {
      id: randomUUID(),
      rule: finding.rule,
      severity: finding.severity,
      summary: finding.summary,
      subjects: finding.subjects,
      eventIds: [...new Set(finding.eventIds)].slice(0, MAX_EVENT_IDS),
      windowEndsAt: new Date(event.occurredAt.getTime() + finding.quietMs),
      responses: finding.responses.map((r) => ({ ...r, outcome: 'pending' })),
    });
    this.logger.warn({ alertId: alert.id, rule: alert.rule, severity: alert.severity }, 'alert raised');
    return alert;
  }
}
