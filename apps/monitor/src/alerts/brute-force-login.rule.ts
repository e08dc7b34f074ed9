import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { SecurityEvent } from '@storefront/platform/events';
import type { Tx } from '../database/prisma.service';
import type { AlertView } from './alert.view';
import { AlertsRepository, type SubjectKind } from './alerts.repository';

export const BRUTE_FORCE_RULE = 'auth.brute_force';
export const BRUTE_FORCE_THRESHOLD = 5;
export const BRUTE_FORCE_WINDOW_MS = 5 * 60_000;
const MAX_EVENT_IDS = 100;

/** The subjects a failed sign-in counts against: the account tried and the address it came from. */
export function bruteForceSubjects(event: Pick<SecurityEvent, 'actor' | 'source'>): Array<{ kind: SubjectKind; value: string }> {
  const subjects: Array<{ kind: SubjectKind; value: string }> = [];
  if (event.actor.email) subjects.push({ kind: 'email', value: event.actor.email.trim().toLowerCase() });
  if (event.source.ip) subjects.push({ kind: 'ip', value: event.source.ip });
  return subjects;
}

/**
 * First rule: at least 5 failed sign-ins for the same email, or from the
 * same IP, within 5 minutes raise one high-severity alert. Once raised, the
 * subject is quiet until that alert's window (5 minutes from the event that
 * tripped it) has passed, so a sustained attack does not flood the staff.
 * Runs inside the ingestion transaction, which holds the audit append lock,
 * so two events can never both decide to raise the same alert.
 */
@Injectable()
export class BruteForceLoginRule {
  private readonly logger = new Logger(BruteForceLoginRule.name);

  constructor(private readonly alerts: AlertsRepository) {}

  async evaluate(tx: Tx, event: SecurityEvent): Promise<AlertView | null> {
    if (event.type !== 'auth.login.failed') return null;
    const at = new Date(event.occurredAt);
    const from = new Date(at.getTime() - BRUTE_FORCE_WINDOW_MS);

    const tripped: string[] = [];
    const eventIds = new Set<string>();
    for (const { kind, value } of bruteForceSubjects(event)) {
      const ids = await this.alerts.eventIdsFor(tx, 'auth.login.failed', kind, value, from, at, MAX_EVENT_IDS);
      if (ids.length < BRUTE_FORCE_THRESHOLD) continue;
      tripped.push(`${kind}:${value}`);
      ids.forEach((id) => eventIds.add(id));
    }
    if (tripped.length === 0) return null;

    const alreadyAlerted = await this.alerts.subjectsInOpenWindow(tx, BRUTE_FORCE_RULE, tripped, at);
    const fresh = tripped.filter((subject) => !alreadyAlerted.has(subject));
    if (fresh.length === 0) return null;

    const alert = await this.alerts.create(tx, {
      id: randomUUID(),
      rule: BRUTE_FORCE_RULE,
      severity: 'high',
      summary: `${BRUTE_FORCE_THRESHOLD} or more failed sign-ins within 5 minutes for ${fresh.join(' and ')}`,
      subjects: fresh,
      eventIds: [...eventIds].slice(0, MAX_EVENT_IDS),
      windowEndsAt: new Date(at.getTime() + BRUTE_FORCE_WINDOW_MS),
    });
    this.logger.warn({ alertId: alert.id, rule: alert.rule, subjects: fresh.length }, 'alert raised');
    return alert;
  }
}
