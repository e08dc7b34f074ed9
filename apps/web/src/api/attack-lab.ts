import { segment } from './http';
import type { AlertResponse, AlertSeverity } from './monitoring';
import { stepUpRequest } from './step-up';

/** One of the six layers of defence, by number (1 edge … 6 monitoring). */
export interface LabLayer {
  number: number;
  name: string;
}

/** One request the attacker sent during a run, as the lab runner saw its answer. */
export interface LabRequest {
  at: string;
  method: string;
  path: string;
  /** 0 when no answer came (a closed connection, a refused handshake). */
  status: number;
  code?: string;
  /** The edge shield's EDGE-… reference when it blocked the request. */
  reference?: string;
  correlationId?: string;
}

export type LabVerdict = 'stopped' | 'through' | 'inconclusive';

export interface LabResult {
  verdict: LabVerdict;
  stoppedBy?: LabLayer;
  evidence: string;
  attackerGot: string;
}

/** One launched scenario (GET /api/attack-lab/runs/:id). */
export interface LabRun {
  id: string;
  scenario: string;
  title: string;
  expectedLayer: LabLayer;
  stoppedMeans: string;
  state: 'running' | 'finished';
  startedAt: string;
  finishedAt?: string;
  /** Every request of the run carries a correlation id starting with this, so the monitor's events can be found. */
  correlationPrefix: string;
  /** The newest requests (the runner keeps a bounded list); requestCount is the full number. */
  requests: LabRequest[];
  requestCount: number;
  log: string[];
  result?: LabResult;
}

/** A security event the monitor stored for the run (GET /api/admin/events). */
export interface LabEvent {
  id: string;
  type: string;
  outcome: string;
  service: string;
  occurredAt: string;
  correlationId?: string | null;
  actor?: { userId?: string; email?: string } | null;
  source?: { ip?: string; userAgent?: string } | null;
  details: Record<string, unknown>;
}

/** An alert the monitor raised on the run's events. */
export interface LabAlert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  raisedAt: string;
  eventIds: string[];
  responses: AlertResponse[];
}

export interface LabEvents {
  items: LabEvent[];
  alerts: LabAlert[];
}

// Staff routes (attack-lab:run, alerts:read): each call may answer STEP_UP_REQUIRED, which stepUpRequest turns into the code prompt.

/** Launches one scenario against the running store: 202 with the run, 409 ATTACK_LAB_BUSY while another runs. */
export async function startLabRun(scenario: string): Promise<LabRun> {
  const { run } = await stepUpRequest<{ run: LabRun }>('/api/attack-lab/runs', { method: 'POST', body: { scenario } });
  return run;
}

export async function getLabRun(id: string, signal?: AbortSignal): Promise<LabRun> {
  const { run } = await stepUpRequest<{ run: LabRun }>(`/api/attack-lab/runs/${segment(id)}`, { signal });
  return run;
}

/** The events (and alerts) whose correlation id starts with the run's prefix. */
export async function getLabEvents(correlationPrefix: string, signal?: AbortSignal): Promise<LabEvents> {
  const query = new URLSearchParams({ correlationPrefix, limit: '200' });
  const body = await stepUpRequest<Partial<LabEvents>>(`/api/admin/events?${query.toString()}`, { signal });
  return { items: body.items ?? [], alerts: body.alerts ?? [] };
}
