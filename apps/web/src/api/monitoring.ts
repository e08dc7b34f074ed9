import { segment } from './http';
import { stepUpRequest } from './step-up';

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'closed';

export interface AlertResponse {
  action: string;
  target: string;
  outcome: string;
  detail?: string;
}

export interface SecurityAlert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  subjects: string[];
  eventIds: string[];
  status: AlertStatus;
  createdAt: string;
  responses: AlertResponse[];
}

export interface AlertEvent {
  id: string;
  type: string;
  service: string;
  occurredAt: string;
  outcome: string;
  actorUserId: string | null;
  actorEmail: string | null;
  sourceIp: string | null;
  details: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: unknown;
}

export type AuditVerification = { valid: true; checked: number } | { valid: false; firstBadSeq: number; entry: AuditEntry | null };

export async function listAlerts(signal?: AbortSignal): Promise<SecurityAlert[]> {
  const { items } = await stepUpRequest<{ items: SecurityAlert[] }>('/api/admin/alerts?limit=100', { signal });
  return items;
}

export function getAlert(id: string, signal?: AbortSignal): Promise<SecurityAlert & { events: AlertEvent[] }> {
  return stepUpRequest(`/api/admin/alerts/${segment(id)}`, { signal });
}

export function setAlertStatus(id: string, status: AlertStatus): Promise<SecurityAlert> {
  return stepUpRequest(`/api/admin/alerts/${segment(id)}`, { method: 'PATCH', body: { status } });
}

export function verifyAudit(): Promise<AuditVerification> {
  return stepUpRequest('/api/admin/audit/verify');
}
