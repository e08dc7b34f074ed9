export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

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
}
