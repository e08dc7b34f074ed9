import { apiRequest, segment } from './http';
import { getAccessToken } from './session';

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
  const { items } = await apiRequest<{ items: SecurityAlert[] }>('/api/admin/alerts?limit=100', { signal });
  return items;
}

export function getAlert(id: string, signal?: AbortSignal): Promise<SecurityAlert & { events: AlertEvent[] }> {
  return apiRequest(`/api/admin/alerts/${segment(id)}`, { signal });
}

export function setAlertStatus(id: string, status: AlertStatus): Promise<SecurityAlert> {
  return apiRequest(`/api/admin/alerts/${segment(id)}`, { method: 'PATCH', body: { status } });
}

export function verifyAudit(): Promise<AuditVerification> {
  return apiRequest('/api/admin/audit/verify');
}

const STAFF_ROLES = new Set(['security', 'admin']);

/**
 * Whether to SHOW the security desk link. Reads the roles claim of the access token without
 * verifying it: this only hides a link, the monitor checks the signed token on every call.
 */
export function isSecurityStaff(): boolean {
  const token = getAccessToken();
  const payload = token?.split('.')[1];
  if (!payload) return false;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const roles = (JSON.parse(json) as { roles?: unknown }).roles;
    return Array.isArray(roles) && roles.some((role) => typeof role === 'string' && STAFF_ROLES.has(role));
  } catch {
    return false;
  }
}
