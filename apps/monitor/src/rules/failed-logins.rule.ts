import { type EventHistory, type Finding, MAX_EVENT_IDS, minutes, type RecordedEvent, type Rule, subject, type SubjectKind } from './rule';

export const FAILED_LOGINS_RULE = 'auth.brute_force';

export interface FailedLoginsPolicy {
  perAccount: number;
  perSource: number;
  windowMs: number;
}
export const DEFAULT_FAILED_LOGINS: FailedLoginsPolicy = { perAccount: 5, perSource: 5, windowMs: minutes(5) };

/**
 * Failed sign-ins per account (the email typed) and per source address
 * within a window. Alert only, no automatic response: auth's own lockout
 * already protects the account (and locking from here would let an
 * attacker lock anyone out), and five typos behind one office NAT address
 * should not block the office. One source against MANY accounts is
 * credential stuffing, which does block.
 */
export class FailedLoginsRule implements Rule {
  readonly name = FAILED_LOGINS_RULE;
  readonly triggers = ['auth.login.failed'] as const;

  constructor(private readonly policy: FailedLoginsPolicy = DEFAULT_FAILED_LOGINS) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    const from = new Date(event.occurredAt.getTime() - this.policy.windowMs);
    const checks: Array<{ kind: SubjectKind; value: string | undefined; threshold: number }> = [
      { kind: 'email', value: event.email, threshold: this.policy.perAccount },
      { kind: 'ip', value: event.ip, threshold: this.policy.perSource },
    ];
    const findings: Finding[] = [];
    for (const { kind, value, threshold } of checks) {
      if (!value) continue;
      const failures = await history.recent({ types: this.triggers, by: { kind, value }, from, to: event.occurredAt, limit: MAX_EVENT_IDS });
      if (failures.length < threshold) continue;
      findings.push({
        rule: this.name,
        severity: 'high',
        summary: `${threshold} or more failed sign-ins within ${this.policy.windowMs / 60_000} minutes for ${subject(kind, value)}`,
        subjects: [subject(kind, value)],
        eventIds: failures.map((e) => e.id),
        quietMs: this.policy.windowMs,
        responses: [],
      });
    }
    return findings;
  }
}
