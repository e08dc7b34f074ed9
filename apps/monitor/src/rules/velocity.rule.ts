import type { SecurityEventType } from '@storefront/platform/events';
import { type EventHistory, type Finding, MAX_EVENT_IDS, minutes, type PlannedResponse, type RecordedEvent, type Rule, subject, type SubjectKind } from './rule';

export const VELOCITY_RULE = 'payments.velocity';

type Counted = 'order.placed' | 'vault.card.tokenized' | 'vault.charge.declined';
export type VelocityLimits = Record<Counted, number>;

export interface VelocityPolicy {
  windowMs: number;
  perUser: VelocityLimits;
  perSource: VelocityLimits;
  blockSeconds: number;
  lockSeconds: number;
}
/** Per hour. A busy shopper places a few orders and adds a card or two; card testers add cards and collect declines by the dozen. */
export const DEFAULT_VELOCITY: VelocityPolicy = {
  windowMs: minutes(60),
  perUser: { 'order.placed': 10, 'vault.card.tokenized': 5, 'vault.charge.declined': 5 },
  perSource: { 'order.placed': 20, 'vault.card.tokenized': 10, 'vault.charge.declined': 10 },
  blockSeconds: 60 * 60,
  lockSeconds: 24 * 3600,
};

const LABEL: Record<Counted, string> = { 'order.placed': 'orders', 'vault.card.tokenized': 'new cards', 'vault.charge.declined': 'declined charges' };

/**
 * Velocity / card testing: orders, new cards and declines per hour, per
 * user and per source address, each with its own limit. Declines and new
 * cards point at card testing (high; the user is locked or the source
 * blocked); many orders alone is medium and only reported.
 */
export class VelocityRule implements Rule {
  readonly name = VELOCITY_RULE;
  readonly triggers = ['order.placed', 'vault.card.tokenized', 'vault.charge.declined'] as const satisfies readonly SecurityEventType[];

  constructor(private readonly policy: VelocityPolicy = DEFAULT_VELOCITY) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    const type = event.type as Counted;
    const from = new Date(event.occurredAt.getTime() - this.policy.windowMs);
    const scopes: Array<{ kind: SubjectKind; value: string | undefined; limit: number }> = [
      { kind: 'user', value: event.userId, limit: this.policy.perUser[type] },
      { kind: 'ip', value: event.ip, limit: this.policy.perSource[type] },
    ];
    const findings: Finding[] = [];
    for (const { kind, value, limit } of scopes) {
      if (!value) continue;
      const seen = await history.recent({ types: [type], by: { kind, value }, from, to: event.occurredAt, limit: MAX_EVENT_IDS });
      if (seen.length < limit) continue;
      const cardTesting = type !== 'order.placed';
      const responses: PlannedResponse[] = !cardTesting
        ? []
        : kind === 'ip'
          ? [{ action: 'block_source', target: value, durationSeconds: this.policy.blockSeconds }]
          : [{ action: 'lock_account', target: value, durationSeconds: this.policy.lockSeconds }];
      findings.push({
        rule: this.name,
        severity: cardTesting ? 'high' : 'medium',
        summary: `${seen.length} ${LABEL[type]} within ${this.policy.windowMs / 60_000} minutes for ${subject(kind, value)} (limit ${limit})${cardTesting ? ': possible card testing' : ''}`,
        // The type is part of the subject so a burst of orders does not silence a later burst of declines.
        subjects: [`${subject(kind, value)}:${type}`],
        eventIds: seen.map((e) => e.id),
        quietMs: this.policy.windowMs,
        responses,
      });
    }
    return findings;
  }
}
