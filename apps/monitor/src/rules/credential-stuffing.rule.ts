import { type EventHistory, type Finding, MAX_EVENT_IDS, minutes, type RecordedEvent, type Rule, subject } from './rule';

export const CREDENTIAL_STUFFING_RULE = 'auth.credential_stuffing';

export interface CredentialStuffingPolicy {
  distinctAccounts: number;
  windowMs: number;
  blockSeconds: number;
}
export const DEFAULT_CREDENTIAL_STUFFING: CredentialStuffingPolicy = { distinctAccounts: 10, windowMs: minutes(10), blockSeconds: 60 * 60 };

/** Pure: how many different accounts these failures were aimed at. */
export function distinctAccounts(failures: readonly RecordedEvent[]): number {
  return new Set(failures.flatMap((e) => (e.email ? [e.email] : []))).size;
}

/**
 * One source failing against many different accounts: a leaked password
 * list being tried. Also fires on auth's own "credential_stuffing" report.
 * Critical, and the source is blocked at the edge for an hour.
 */
export class CredentialStuffingRule implements Rule {
  readonly name = CREDENTIAL_STUFFING_RULE;
  readonly triggers = ['auth.login.failed'] as const;

  constructor(private readonly policy: CredentialStuffingPolicy = DEFAULT_CREDENTIAL_STUFFING) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    if (!event.ip) return [];
    const from = new Date(event.occurredAt.getTime() - this.policy.windowMs);
    const failures = await history.recent({ types: this.triggers, by: { kind: 'ip', value: event.ip }, from, to: event.occurredAt, limit: 500 });
    const accounts = distinctAccounts(failures);
    const reportedByAuth = event.details.reason === 'credential_stuffing';
    if (accounts < this.policy.distinctAccounts && !reportedByAuth) return [];
    return [
      {
        rule: this.name,
        severity: 'critical',
        summary: `${event.ip} failed sign-ins against ${accounts} different accounts within ${this.policy.windowMs / 60_000} minutes${reportedByAuth ? ' (also reported by auth)' : ''}`,
        subjects: [subject('ip', event.ip)],
        eventIds: failures.slice(0, MAX_EVENT_IDS).map((e) => e.id),
        quietMs: this.policy.windowMs,
        responses: [{ action: 'block_source', target: event.ip, durationSeconds: this.policy.blockSeconds }],
      },
    ];
  }
}
