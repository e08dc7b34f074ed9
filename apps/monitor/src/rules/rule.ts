import type { SecurityEventType } from '@storefront/platform/events';
import type { AlertSeverity, ResponseAction } from '../alerts/alert.view';

/** An event as the rules see it: already validated, stored and lower-cased. */
export interface RecordedEvent {
  id: string;
  type: SecurityEventType;
  occurredAt: Date;
  userId?: string;
  email?: string;
  ip?: string;
  details: Record<string, string | number | boolean>;
}

/** Which stored events a rule may ask for: one subject, some types, a time range (from, to]. */
export interface HistoryQuery {
  types: readonly SecurityEventType[];
  by: { kind: SubjectKind; value: string };
  from: Date;
  to: Date;
  limit: number;
}
export type SubjectKind = 'email' | 'ip' | 'user';

/** Read access to the event history (the database in the monitor, an array in unit specs). */
export interface EventHistory {
  /** Matching events, newest first, the current event included. */
  recent(query: HistoryQuery): Promise<RecordedEvent[]>;
}

export interface PlannedResponse {
  action: ResponseAction;
  /** A user id, an IP address or an order id. */
  target: string;
  /** How long a lock or block lasts. */
  durationSeconds?: number;
}

/** One reason to raise an alert. `subjects` ("email:x", "ip:y", "user:z") let the engine raise one alert per subject per window. */
export interface Finding {
  rule: string;
  severity: AlertSeverity;
  summary: string;
  subjects: string[];
  eventIds: string[];
  /** After an alert, its subjects stay quiet for this long (from the event that tripped it). */
  quietMs: number;
  responses: PlannedResponse[];
}

/** A detection rule: which event types wake it, and what it concludes from the history. */
export interface Rule {
  readonly name: string;
  readonly triggers: readonly SecurityEventType[];
  evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]>;
}

export const MAX_EVENT_IDS = 100;
export const subject = (kind: SubjectKind, value: string) => `${kind}:${value}`;
export const minutes = (n: number) => n * 60_000;
