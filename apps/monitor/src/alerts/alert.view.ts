export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What the monitor can do about an alert. */
export const RESPONSE_ACTIONS = ['lock_account', 'block_source', 'hold_order', 'require_step_up'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

export const RESPONSE_OUTCOMES = ['pending', 'done', 'failed', 'not_available'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];

/** One response to an alert and how it went. */
export interface AlertResponse {
  action: ResponseAction;
  target: string;
  durationSeconds?: number;
  outcome: ResponseOutcome;
  detail?: string;
}

export const severityRank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

/** An alert as the staff API returns it. */
export interface AlertView {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  subjects: string[];
  eventIds: string[];
  status: AlertStatus;
  createdAt: string;
  windowEndsAt: string;
  responses: AlertResponse[];
}
