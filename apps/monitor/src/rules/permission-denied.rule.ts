import { type EventHistory, type Finding, MAX_EVENT_IDS, minutes, type RecordedEvent, type Rule, subject } from './rule';

export const PERMISSION_DENIED_RULE = 'access.permission_probe';

/** A refused payment permission is the seed's example: staff trying to reach payment systems. */
const PAYMENT_PERMISSION = /^payments:/;

export interface PermissionDeniedPolicy {
  /** One alert per user per window; later refusals in the window join the history, not new alerts. */
  windowMs: number;
}
export const DEFAULT_PERMISSION_DENIED: PermissionDeniedPolicy = { windowMs: minutes(15) };

/**
 * A signed-in user refused a permission none of their roles grants: a staff
 * account probing doors it was never given, or a stolen token trying them.
 * Alert only: the refusal already protected the door. A refused payment
 * permission is high severity; anything else medium. Step-up refusals
 * (a stale second factor) are the normal flow and raise nothing, and
 * refusals of a service certificate carry no user (they have their own events).
 */
export class PermissionDeniedRule implements Rule {
  readonly name = PERMISSION_DENIED_RULE;
  readonly triggers = ['access.permission.denied'] as const;

  constructor(private readonly policy: PermissionDeniedPolicy = DEFAULT_PERMISSION_DENIED) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    if (!event.userId || event.details.reason === 'step_up_required') return [];
    const permission = String(event.details.permission ?? 'unknown');
    const from = new Date(event.occurredAt.getTime() - this.policy.windowMs);
    const refusals = await history.recent({ types: this.triggers, by: { kind: 'user', value: event.userId }, from, to: event.occurredAt, limit: MAX_EVENT_IDS });
    const who = event.email ? `${event.email} (${subject('user', event.userId)})` : subject('user', event.userId);
    return [
      {
        rule: this.name,
        severity: PAYMENT_PERMISSION.test(permission) ? 'high' : 'medium',
        summary: `${who}, with roles ${String(event.details.roles ?? 'none')}, was refused ${permission} on ${String(event.details.method ?? '')} ${String(event.details.route ?? '')}`.trim(),
        subjects: [subject('user', event.userId)],
        eventIds: (refusals.length ? refusals : [event]).map((e) => e.id),
        quietMs: this.policy.windowMs,
        responses: [],
      },
    ];
  }
}
